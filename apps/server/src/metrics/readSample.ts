/**
 * The value of one sample in Prometheus text format (`name{labels} value`), or undefined. The
 * labels, when given, must be written as the registry writes them: `code="1009"`.
 */
export function readSample(text: string, name: string, labels = ''): number | undefined {
  const series = labels ? `${name}{${labels}}` : name;
  for (const line of text.split('\n')) {
    if (line.startsWith(`${series} `)) return Number(line.slice(series.length + 1));
  }
  return undefined;
}

export const MODEL_SCHEMA_VERSION = 1;

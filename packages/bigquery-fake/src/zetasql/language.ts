import type { AnalyzeRequest } from '@fivetrandevelopers/zetasql';
import { LanguageFeature } from '@fivetrandevelopers/zetasql/lib/types/zetasql/LanguageFeature.js';

type LanguageOptionsProto = NonNullable<NonNullable<AnalyzeRequest['options']>['languageOptions']>;
type FeatureName = keyof typeof LanguageFeature;
type Feature = NonNullable<LanguageOptionsProto['enabledLanguageFeatures']>[number];

/**
 * Released ZetaSQL features that BigQuery does not have. ZetaSQL's "maximum" feature set serves every Google
 * product (Spanner, F1, ...), so it accepts syntax BigQuery rejects; BigQuery publishes no feature list, so the
 * fake starts from the maximum and takes out what BigQuery's documentation shows it lacks.
 */
export const FEATURES_BIGQUERY_LACKS: Readonly<Partial<Record<FeatureName, string>>> = {
  FEATURE_TIMESTAMP_NANOS: 'TIMESTAMP has microsecond precision (no NANOSECOND part, no 9-digit literals)',
  FEATURE_V_1_3_DML_RETURNING: 'no THEN RETURN clause on DML (a Spanner feature)',
  FEATURE_V_1_2_GENERATED_COLUMNS: 'no generated columns (`col INT64 AS (expr)`)',
  FEATURE_CHECK_CONSTRAINT: 'no CHECK constraints (only unenforced primary and foreign keys)',
  FEATURE_STRATIFIED_RESERVOIR_TABLESAMPLE: 'no TABLESAMPLE ... PARTITION BY',
  FEATURE_V_1_2_ARRAY_ELEMENTS_WITH_SET: 'no `UPDATE ... SET arr[OFFSET(0)] = x`',
  FEATURE_V_1_2_NESTED_UPDATE_DELETE_WITH_OFFSET: 'no nested DML on array elements WITH OFFSET',
  FEATURE_V_1_2_CORRELATED_REFS_IN_NESTED_DML: 'no correlated references in nested DML',
  FEATURE_V_1_3_REPLACE_FIELDS: 'no REPLACE_FIELDS()',
  FEATURE_V_1_3_WITH_GROUP_ROWS: 'no WITH GROUP ROWS / GROUP_ROWS()',
  FEATURE_V_1_3_ALLOW_SLASH_PATHS: 'no `/path/like` table names',
  FEATURE_EXTENDED_TYPES: 'no INT32, UINT32, UINT64, FLOAT (32-bit) or ENUM types',
  FEATURE_BETWEEN_UINT64_INT64: 'no unsigned integers',
  FEATURE_EXPERIMENTAL_MODULES: 'no IMPORT MODULE',
  FEATURE_ALLOW_LEGACY_ROW_ACCESS_POLICY_SYNTAX:
    'only CREATE ROW ACCESS POLICY, not the legacy CREATE ROW POLICY',
};

/** Keywords BigQuery reserves beyond ZetaSQL's default list (QUALIFY is reservable in ZetaSQL). */
const BIGQUERY_RESERVED_KEYWORDS = ['QUALIFY'];

/**
 * BigQuery's language: external product mode (no proto or 32-bit types), the released features minus those
 * BigQuery lacks, and its reserved keywords.
 */
export function bigQueryLanguageOptions(maximumFeatures: readonly Feature[]): LanguageOptionsProto {
  const lacking = new Set<Feature>(
    Object.keys(FEATURES_BIGQUERY_LACKS).map((name) => LanguageFeature[name as FeatureName]),
  );
  return {
    productMode: 'PRODUCT_EXTERNAL',
    enabledLanguageFeatures: maximumFeatures.filter((feature) => !lacking.has(feature)),
    // Empty: every statement kind is allowed.
    supportedStatementKinds: [],
    reservedKeywords: BIGQUERY_RESERVED_KEYWORDS,
  };
}

package ai.lyss.monitoring.search;

/**
 * The original design's four Kibana queries (section 7.1) verbatim, and the corrected forms that
 * docs/monitoring.md recommends.
 */
final class KibanaQueries {

  private KibanaQueries() {}

  static final String ERROR_ANALYSIS =
      """
      {"query":{"bool":{"must":[{"match":{"level":"ERROR"}},
        {"range":{"timestamp":{"gte":"now-1h"}}}]}},
       "aggs":{"error_by_service":{"terms":{"field":"service.keyword"}}}}
      """;

  static final String SECURITY_EVENTS =
      """
      {"query":{"bool":{"must":[{"match":{"level":"SECURITY"}},{"match":{"severity":"high"}}]}}}
      """;

  static final String SLOW_QUERIES =
      """
      {"query":{"bool":{"must":[{"match":{"message":"slow query"}},
        {"range":{"duration_ms":{"gte":1000}}}]}}}
      """;

  /** {@code match} ORs the words ("slow" or "query"); the phrase is what is meant. */
  static final String SLOW_QUERIES_CORRECTED =
      """
      {"query":{"bool":{"filter":[{"match_phrase":{"message":"slow query"}},
        {"range":{"duration_ms":{"gte":1000}}}]}}}
      """;

  /** {@code interval} is deprecated in OpenSearch and removed in Elasticsearch 8. */
  static final String TENANT_ACTIVITY =
      """
      {"query":{"bool":{"must":[{"term":{"tenant_id":"TENANT_ID_HERE"}},
        {"range":{"timestamp":{"gte":"now-24h"}}}]}},
       "aggs":{"activity_by_hour":{"date_histogram":{"field":"timestamp","interval":"1h"}}}}
      """;

  static final String TENANT_ACTIVITY_CORRECTED =
      """
      {"size":100,"query":{"bool":{"filter":[{"term":{"tenant_id":"TENANT_ID_HERE"}},
        {"range":{"timestamp":{"gte":"now-24h"}}}]}},
       "aggs":{"activity_by_hour":{"date_histogram":{"field":"timestamp","fixed_interval":"1h"}}}}
      """;
}

package ai.lyss.monitoring.search;

/**
 * The shape of the ECS index template that Filebeat and Logstash 8 install by default: {@code
 * service}, {@code url} and {@code user_agent} are objects there, strings in the Lyss schema.
 */
final class EcsLikeTemplate {

  private EcsLikeTemplate() {}

  static final String BODY =
      """
      {"index_patterns":["filebeat-*","logs-*-*"],"priority":100,
       "template":{"mappings":{"properties":{
         "@timestamp":{"type":"date"},
         "message":{"type":"text"},
         "service":{"properties":{"name":{"type":"keyword"},"version":{"type":"keyword"},
                                  "environment":{"type":"keyword"}}},
         "url":{"properties":{"original":{"type":"keyword"},"path":{"type":"keyword"}}},
         "user_agent":{"properties":{"original":{"type":"keyword"}}}}}}}
      """;
}

// The librdkafka bridge. See KafkaConsumer, KafkaProducer, MockCluster.

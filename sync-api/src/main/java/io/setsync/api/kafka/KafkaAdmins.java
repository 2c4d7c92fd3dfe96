package io.setsync.api.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/** One admin client, from Spring's {@code spring.kafka.admin.*} settings, for topics and health. */
@Component
class KafkaAdmins implements DisposableBean {

  private final Admin admin;

  KafkaAdmins(KafkaAdmin kafkaAdmin) {
    this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
  }

  Admin admin() {
    return admin;
  }

  @Override
  public void destroy() {
    admin.close(java.time.Duration.ofSeconds(2));
  }
}

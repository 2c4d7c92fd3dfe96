package io.setsync.api.projector;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.setsync.api.sync.JobStatus;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code setsync.jobs{status=queued|running}}: unfinished jobs, counted on a schedule (a partial
 * index covers them). Finished jobs are counted as they happen by {@code setsync.projector.events}.
 */
@Component
class JobMetrics {

  private static final Logger log = LoggerFactory.getLogger(JobMetrics.class);

  private final JdbcClient jdbc;
  private final Map<JobStatus, AtomicLong> counts = new EnumMap<>(JobStatus.class);

  JobMetrics(JdbcClient jdbc, MeterRegistry meters) {
    this.jdbc = jdbc;
    for (JobStatus status : new JobStatus[] {JobStatus.QUEUED, JobStatus.RUNNING}) {
      AtomicLong count = new AtomicLong();
      counts.put(status, count);
      Gauge.builder("setsync.jobs", count, AtomicLong::get)
          .description("Unfinished sync jobs by status")
          .tag("status", status.value())
          .register(meters);
    }
  }

  @Scheduled(
      fixedDelayString = "${setsync.projector.metrics-interval:15s}",
      initialDelayString = "${setsync.projector.metrics-interval:15s}")
  void measure() {
    try {
      Map<JobStatus, Long> measured = new EnumMap<>(JobStatus.class);
      jdbc.sql(
              """
              SELECT status, count(*) AS n FROM sync_jobs
              WHERE status IN ('queued', 'running')
              GROUP BY status
              """)
          .query((rs, row) -> measured.put(JobStatus.of(rs.getString("status")), rs.getLong("n")))
          .list();
      counts.forEach((status, count) -> count.set(measured.getOrDefault(status, 0L)));
    } catch (RuntimeException e) {
      log.warn("Could not count jobs by status: {}", e.toString());
    }
  }
}

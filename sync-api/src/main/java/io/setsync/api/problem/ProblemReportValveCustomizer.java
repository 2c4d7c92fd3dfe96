package io.setsync.api.problem;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts {@link ProblemReportValve} in the place of the Host's error report valve: the one Boot adds
 * (for {@code server.error.include-stacktrace: never}), which is why this customizer runs after
 * Boot's, and the default one Tomcat would add when the Host starts without one of its class.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemReportValveCustomizer
    implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  private final JsonMapper json;

  ProblemReportValveCustomizer(JsonMapper json) {
    this.json = json;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> {
          if (context.getParent() instanceof StandardHost host) {
            Pipeline pipeline = host.getPipeline();
            for (Valve valve : pipeline.getValves()) {
              if (valve instanceof ErrorReportValve) {
                pipeline.removeValve(valve);
              }
            }
            pipeline.addValve(new ProblemReportValve(json));
            host.setErrorReportValveClass(ProblemReportValve.class.getName());
          }
        });
  }
}

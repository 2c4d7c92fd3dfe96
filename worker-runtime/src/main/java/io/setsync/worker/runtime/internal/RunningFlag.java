package io.setsync.worker.runtime.internal;

import java.util.function.BooleanSupplier;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/** False once the application starts shutting down, before the listener containers stop. */
class RunningFlag implements BooleanSupplier, ApplicationListener<ContextClosedEvent> {

  private volatile boolean running = true;

  @Override
  public boolean getAsBoolean() {
    return running;
  }

  @Override
  public void onApplicationEvent(ContextClosedEvent event) {
    running = false;
  }
}

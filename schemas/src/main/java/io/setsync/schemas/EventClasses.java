package io.setsync.schemas;

import io.setsync.events.SyncCompleted;
import io.setsync.events.SyncFailed;
import io.setsync.events.SyncRequested;
import io.setsync.events.SyncStarted;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * The generated event classes, and Avro's permission to instantiate them.
 *
 * <p>Since 1.12.1 Avro only instantiates classes named in a schema if they are trusted ({@code
 * ClassSecurityValidator}), and generated classes are not trusted by default: decoding a {@code
 * SyncRequested} fails with "Forbidden io.setsync.events.SyncRequested!" until {@link #trust()} is
 * called (or the system property {@code org.apache.avro.SERIALIZABLE_PACKAGES} names the package).
 * The serializer and deserializer call it; call it yourself before using Avro's own decoders (e.g.
 * {@code SyncRequested.getDecoder()}).
 */
public final class EventClasses {

  /** The Java package (= Avro namespace) of every Setsync event class. */
  public static final String PACKAGE = "io.setsync.events";

  private static final ClassSecurityValidator.ClassSecurityPredicate EVENTS =
      type -> type.getName().startsWith(PACKAGE + ".");

  private EventClasses() {}

  /** The four event records. */
  public static List<Class<? extends SpecificRecord>> all() {
    return List.of(SyncRequested.class, SyncStarted.class, SyncCompleted.class, SyncFailed.class);
  }

  /** Adds the event package to Avro's trusted classes, keeping what was trusted before. */
  public static synchronized void trust() {
    ClassSecurityValidator.ClassSecurityPredicate current = ClassSecurityValidator.getGlobal();
    if (!current.isTrusted(SyncRequested.class)) {
      ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(current, EVENTS));
    }
  }
}

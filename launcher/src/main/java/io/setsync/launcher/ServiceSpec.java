package io.setsync.launcher;

import java.util.Map;

/** One Spring Boot service of the local stack: which module's executable jar, on which port. */
record ServiceSpec(
    String name, String module, int port, String readyPath, Map<String, String> env) {}

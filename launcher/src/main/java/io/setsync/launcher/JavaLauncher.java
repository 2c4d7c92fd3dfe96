package io.setsync.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a main class of the launcher's own classpath in a child JVM. Run from the launcher's
 * executable jar, that jar's PropertiesLauncher loads the nested libraries ({@code -Dloader.main});
 * run from a plain classpath (tests, an IDE), the class is started directly.
 */
record JavaLauncher(String classpath, Path workingDirectory, List<String> jvmOptions) {

  private static final String PROPERTIES_LAUNCHER =
      "org.springframework.boot.loader.launch.PropertiesLauncher";

  static JavaLauncher ofCurrentJvm(Path workingDirectory, List<String> jvmOptions) {
    return new JavaLauncher(System.getProperty("java.class.path"), workingDirectory, jvmOptions);
  }

  ChildProcess start(
      String name, String mainClass, List<String> args, Map<String, String> env, Path log) {
    List<String> command = new ArrayList<>(jvmOptions);
    command.add("-cp");
    command.add(classpath);
    if (isExecutableJar()) {
      command.add("-Dloader.main=" + mainClass);
      command.add(PROPERTIES_LAUNCHER);
    } else {
      command.add(mainClass);
    }
    command.addAll(args);
    return ChildProcess.startJava(name, command, env, workingDirectory, log);
  }

  private boolean isExecutableJar() {
    return !classpath.contains(java.io.File.pathSeparator) && classpath.endsWith(".jar");
  }
}

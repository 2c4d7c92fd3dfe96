package io.setsync.registry;

/** The content types Confluent's registry speaks; the first is the one it answers with. */
final class RegistryMediaTypes {

  static final String V1 = "application/vnd.schemaregistry.v1+json";
  static final String GENERIC = "application/vnd.schemaregistry+json";
  static final String JSON = "application/json";

  private RegistryMediaTypes() {}
}

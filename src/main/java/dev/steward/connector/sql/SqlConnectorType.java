package dev.steward.connector.sql;

import dev.steward.connector.ConnectorType;
import dev.steward.connector.Declared;
import dev.steward.connector.YamlTree;
import dev.steward.fulfilment.DataSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code connector: {type: sql, url: jdbc:..., user: ..., password_env: ..., dataset: ...}}: a
 * database reached over JDBC as its dataset description says. Opening reads the description
 * (located problems), reads the password and hash key from the environment, and checks the
 * description against the live schema when the database answers; one that does not is checked
 * before its first operation.
 */
public final class SqlConnectorType implements ConnectorType {
  private static final Logger log = LoggerFactory.getLogger(SqlConnectorType.class);
  private static final int TIMEOUT_MILLIS = 10_000;

  @Override
  public String type() {
    return "sql";
  }

  @Override
  public Set<String> requiredKeys() {
    return Set.of("url", "dataset");
  }

  @Override
  public Set<String> optionalKeys() {
    return Set.of(
        "user", "password_env", "password_file", "hash_key_env", "hash_key_file", "schema");
  }

  @Override
  public DataSystem open(Declared declared) {
    int before = declared.problems().all().size();
    String url = declared.required("url");
    if (!url.startsWith("jdbc:")) {
      declared.problems().add(declared.where("url"), "'url' must be a JDBC URL (jdbc:...)");
    } else if (url.contains("password=")) {
      declared
          .problems()
          .add(
              declared.where("url"),
              "the URL holds a password: name an environment variable with password_env instead");
    }
    Optional<String> password = declared.secret("password_env", "password_file");
    Optional<String> hashKey = declared.secret("hash_key_env", "hash_key_file");
    Dataset dataset = dataset(declared);
    if (dataset == null || declared.problems().all().size() > before) {
      return null;
    }
    boolean hashes =
        dataset.tables().stream()
            .flatMap(t -> t.columns().stream())
            .anyMatch(c -> c.erasure() == Dataset.ColumnErasure.HASH);
    if (hashes && hashKey.isEmpty()) {
      declared
          .problems()
          .add(
              declared.connector().where(),
              "the dataset erases by hash: name its key with hash_key_env or hash_key_file");
      return null;
    }
    // Without a key of its own, evidence ids are hashed under one derived from the system's id:
    // still no values in the evidence, only less protection against guessing keys.
    byte[] key =
        hashKey.orElse("steward-evidence:" + declared.systemId()).getBytes(StandardCharsets.UTF_8);
    SqlSystem system =
        new SqlSystem(
            declared.systemId(),
            dataset,
            new SqlSource(
                url,
                declared.optional("user").orElse(null),
                password.orElse(null),
                declared.optional("schema").orElse(null),
                TIMEOUT_MILLIS),
            new Hasher(key));
    try {
      if (!system.checkNow()) {
        log.warn(
            "system {} cannot be reached now; its dataset description is checked at first use",
            declared.systemId());
      }
    } catch (dev.steward.connector.ConnectorProblems.Failed failed) {
      declared.problems().addAll(failed.problems());
      return null;
    }
    return system;
  }

  private static Dataset dataset(Declared declared) {
    Path file = declared.base().resolve(declared.required("dataset"));
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      declared
          .problems()
          .add(declared.where("dataset"), "cannot read the dataset description " + file);
      return null;
    }
    try {
      YamlTree tree = YamlTree.read(file.toString(), text);
      return new DatasetReader(declared.policy(), declared.problems()).read(file.toString(), tree);
    } catch (dev.steward.connector.ConnectorProblems.Failed failed) {
      declared.problems().addAll(failed.problems());
      return null;
    }
  }
}

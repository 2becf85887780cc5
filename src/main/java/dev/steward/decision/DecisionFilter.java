package dev.steward.decision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.audit.AuditEvent;
import dev.steward.audit.AuditLog;
import dev.steward.consent.ConsentStates;
import dev.steward.consent.OptOutKind;
import dev.steward.consent.Party;
import dev.steward.consent.PartyState;
import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.error.StewardException;
import dev.steward.policy.PublishedPolicies;
import dev.steward.principal.Principal;
import dev.steward.vault.Identity;
import dev.steward.vault.IdentityIndex;
import dev.steward.vault.IdentityType;
import dev.steward.web.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Filters a mailing list: every line of a CSV or NDJSON upload names an email address or a phone
 * number, and the lines whose identity may be used for one purpose, by one system, now, are written
 * out unchanged, in the order read.
 *
 * <p>Design. The list is read as a stream, line by line, through a buffer of fixed size; a line
 * longer than the {@link Limits}' line length, their limits on bytes and lines, a malformed line
 * (its number named) or an unknown purpose end the call with a problem before anything is answered,
 * so a caller never takes a partial list for a whole one; the allowed lines go to {@code out},
 * which the route spools to a temporary file. Deciding a million identities one {@link
 * ConsentStates} look-up each would load most of them from the store, since most addresses on a
 * list are people Steward has never met. Instead the filter reads, in one snapshot, what makes an
 * identity's state non-empty (the same rows {@code StateLoader} reads for an identity): the
 * opt-outs recorded under identity hashes, in full, and the hashes of identities the vault holds or
 * erased, as 64-bit prefixes. An identity whose prefix is among the vault's is decided on its full
 * state through {@link ConsentStates} (as {@code POST /api/v1/decisions} would); any other is
 * decided on its opt-outs alone, or on the empty state of a stranger (RULES.md's rule for
 * identities Steward does not know). The answer is as of the call's start. The snapshot is kept
 * between calls until a change is seen (see {@code snapshot()}). Lines are decided in batches on
 * one worker per core and written in the order read; the first problem in line order ends the call.
 *
 * <p>Audit: one {@code decision.filter} entry per call, durable before the answer, with the counts
 * read, allowed and denied per reason; denies are not written one entry each (docs/consent.md,
 * "Filtering a list"). Thread-safe; one per node.
 */
public final class DecisionFilter {
  /**
   * A line longer than this is refused by default: no identity is, and it bounds the memory a line
   * takes.
   */
  static final int MAX_LINE_BYTES = 8192;

  private static final int BUFFER_BYTES = 1 << 16;

  /** Lines decided together on one worker: enough to make handing them over cheap. */
  private static final int BATCH_LINES = 4096;

  private static final int BATCH_BYTES = 1 << 18;

  /** One worker per core: normalising and hashing each address is most of a list's time. */
  private static final int WORKERS = Runtime.getRuntime().availableProcessors();

  /** Batches a call has read and not yet written, at most. */
  private static final int IN_FLIGHT = 2 * WORKERS + 2;

  /** The placeholder party of the question checked once per call; each line brings its own. */
  private static final String PROBE_DEVICE = "decision-filter-probe";

  /**
   * The limits on one list, from the node's settings ({@code filter-max-bytes}, {@code
   * filter-max-lines}, {@code filter-max-line-bytes}); checked when made, naming the setting.
   *
   * @param maxBytes a larger upload is refused with 413 (at once when its length is declared)
   * @param maxLines an upload of more lines is refused with 413
   * @param maxLineBytes a longer line is refused with 422 naming its number
   */
  public record Limits(long maxBytes, long maxLines, int maxLineBytes) {
    /** 1 GiB, 20 million lines of 8 KiB at most: room for a list of twenty million addresses. */
    public static final Limits DEFAULT = new Limits(1L << 30, 20_000_000L, MAX_LINE_BYTES);

    /** The longest line a setting may allow: a line is held whole in the read buffer. */
    public static final int LONGEST_LINE = 1 << 20;

    public Limits {
      if (maxBytes < 1024) {
        throw new IllegalArgumentException(
            "filter-max-bytes must be at least 1024, was " + maxBytes);
      }
      if (maxLines < 1) {
        throw new IllegalArgumentException("filter-max-lines must be at least 1, was " + maxLines);
      }
      if (maxLineBytes < 256 || maxLineBytes > LONGEST_LINE) {
        throw new IllegalArgumentException(
            "filter-max-line-bytes must be between 256 and "
                + LONGEST_LINE
                + ", was "
                + maxLineBytes);
      }
    }

    /** With the default line length. */
    public Limits(long maxBytes, long maxLines) {
      this(maxBytes, maxLines, MAX_LINE_BYTES);
    }
  }

  /** The upload's form, from its Content-Type. */
  public enum Format {
    /** A header line names the columns; the one named {@code email} or {@code phone} is read. */
    CSV,
    /** One JSON object per line with an {@code email} or a {@code phone} string. */
    NDJSON
  }

  /** What a call did, for the answer's headers and the audit entry. */
  public record Result(long read, long allowed, String policyVersion) {}

  private final PolicyIndex.Current policies;
  private final ConsentStates states;
  private final Jdbi jdbi;
  private final IdentityIndex index;
  private final DecisionInput input;
  private final AuditLog audit;
  private final Clock clock;
  private final Limits limits;
  private final ExecutorService workers;
  private volatile Snapshot snapshot;

  public DecisionFilter(
      PublishedPolicies policies,
      ConsentStates states,
      Jdbi jdbi,
      IdentityIndex index,
      AuditLog audit,
      Clock clock,
      Limits limits) {
    this.policies = new PolicyIndex.Current(policies);
    this.states = states;
    this.jdbi = jdbi;
    this.index = index;
    this.input = new DecisionInput(policies, index);
    this.audit = audit;
    this.clock = clock;
    this.limits = limits;
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            WORKERS,
            WORKERS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            runnable -> {
              Thread thread = new Thread(runnable, "steward-decision-filter");
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
    this.workers = pool;
  }

  public Limits limits() {
    return limits;
  }

  /**
   * Checks the question against the policy in force (a 422 naming what it does not declare) before
   * anything is read.
   */
  public DecisionQuery check(
      String system, String purpose, List<String> categories, String channel, String topic) {
    return input.check(
        new DecisionInput.Question(
            system, null, null, PROBE_DEVICE, purpose, categories, channel, topic, null));
  }

  /**
   * Reads the list from {@code in} and writes its allowed lines to {@code out}; audits the call
   * once it is complete. Nothing is audited for a refused list.
   *
   * @param declaredLength the upload's Content-Length, or -1 when it is not declared
   */
  public Result filter(
      Principal actor,
      DecisionQuery question,
      Format format,
      long declaredLength,
      InputStream in,
      OutputStream out)
      throws IOException {
    if (declaredLength > limits.maxBytes()) {
      throw tooLarge();
    }
    PolicyIndex policy = policies.get();
    Instant now = clock.instant();
    Snapshot snapshot = snapshot();
    Decision stranger =
        DecisionRules.decide(policy, PartyState.empty(question.party()), question, now);
    Lines lines = new Lines(in, limits);
    Reader reader;
    if (format == Format.CSV) {
      if (!lines.next()) {
        throw malformed(1, "the list is empty; its first line names the columns");
      }
      reader = CsvReader.header(lines.text(), lines.number());
      lines.writeTo(out);
    } else {
      reader = new NdjsonReader();
    }
    Deciding deciding = new Deciding(reader, snapshot, policy, question, stranger, now);
    Tally tally = new Tally();
    // Batches are decided on the workers and written here in the order read; at most IN_FLIGHT
    // wait, which bounds the memory a call holds whatever the list's length.
    ArrayDeque<Future<Batch>> pending = new ArrayDeque<>();
    try {
      Batch batch = new Batch();
      while (true) {
        boolean more;
        try {
          more = lines.next();
        } catch (RuntimeException e) {
          // A line before this one may be malformed: that is the list's first problem.
          while (!pending.isEmpty()) {
            join(pending.poll());
          }
          decide(deciding, batch);
          throw e;
        }
        if (more && !lines.blank()) {
          batch.add(lines);
        }
        if (batch.full() || (!more && batch.size() > 0)) {
          Batch full = batch;
          pending.add(workers.submit(() -> decide(deciding, full)));
          batch = new Batch();
          if (pending.size() >= IN_FLIGHT) {
            tally.add(join(pending.poll()), out);
          }
        }
        if (!more) {
          break;
        }
      }
      while (!pending.isEmpty()) {
        tally.add(join(pending.poll()), out);
      }
    } finally {
      pending.forEach(f -> f.cancel(true));
    }
    audit.append(
        AuditEvent.of(actor, "decision.filter", "purpose", clip(question.purpose()), AuditEvent.OK)
            .withDetail(
                "system="
                    + clip(question.system())
                    + (question.channel() == null ? "" : " channel=" + clip(question.channel()))
                    + " policy="
                    + policy.version()
                    + " format="
                    + format.name().toLowerCase(Locale.ROOT)
                    + " read="
                    + tally.read
                    + " allowed="
                    + tally.allowed
                    + tally.denied.entrySet().stream()
                        .map(e -> " denied." + e.getKey() + "=" + e.getValue())
                        .reduce("", String::concat)));
    return new Result(tally.read, tally.allowed, policy.version());
  }

  /** A decided batch, or the problem of its first malformed line, as the caller's exception. */
  private static Batch join(Future<Batch> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StewardException("unavailable", 503, "the node is stopping; try again", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException problem) {
        throw problem;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** What the batches written so far add up to. */
  private static final class Tally {
    long read;
    long allowed;
    final Map<String, Long> denied = new TreeMap<>();

    void add(Batch batch, OutputStream out) throws IOException {
      read += batch.size();
      allowed += batch.writeAllowed(out);
      batch.denied.forEach((reason, n) -> denied.merge(reason, n, Long::sum));
    }
  }

  /** Decides each line of a batch (on a worker); throws for the first malformed one. */
  private Batch decide(Deciding call, Batch batch) {
    for (int i = 0; i < batch.size(); i++) {
      long number = batch.number(i);
      Identity identity = call.reader().identity(batch.text(i), number);
      String hash;
      try {
        hash = index.hash(identity);
      } catch (InvalidInputException e) {
        throw malformed(number, "not a valid " + identity.type().id() + ": " + e.getMessage());
      }
      Decision decision;
      if (call.snapshot().known.contains(prefix(hash))) {
        Party party = Party.identity(hash);
        decision =
            DecisionRules.decide(call.policy(), states.state(party), call.question(), call.now());
      } else {
        PartyState optedOut = call.snapshot().optOuts.get(hash);
        decision =
            optedOut == null
                ? call.stranger()
                : DecisionRules.decide(call.policy(), optedOut, call.question(), call.now());
      }
      batch.decided(i, decision);
    }
    return batch;
  }

  /** How one call decides a line: what is the same for every line of the list. */
  private record Deciding(
      Reader reader,
      Snapshot snapshot,
      PolicyIndex policy,
      DecisionQuery question,
      Decision stranger,
      Instant now) {}

  StewardException tooLarge() {
    return new StewardException(
        "payload-too-large",
        413,
        "a list may be at most "
            + limits.maxBytes()
            + " bytes and "
            + limits.maxLines()
            + " lines; split it and filter each part");
  }

  private static InvalidInputException malformed(long line, String message) {
    String field = "line " + line;
    return new InvalidInputException(
        field + ": " + message, List.of(new FieldProblem(field, message)));
  }

  private static String clip(String id) {
    return id.length() > 64 ? id.substring(0, 64) : id;
  }

  // --- the snapshot of identities with a state --------------------------------------------------

  /**
   * @param known the prefixes of identities with a state of their own beyond opt-outs
   * @param optOuts the opt-outs in force per identity hash
   * @param changes {@link ConsentStates#changes()} before it was read
   * @param knownAt {@link System#nanoTime()} before {@code known} was read
   */
  private record Snapshot(
      PrefixSet known, Map<String, PartyState> optOuts, long changes, long knownAt) {}

  /**
   * The snapshot of the last call while no change was seen since it was read, on this node or (on
   * PostgreSQL) on another: opt-outs, subscriptions and erasures all go through {@link
   * ConsentStates#changed}. Identities added to the vault do not, so the prefixes of known
   * identities are read again once older than a cached state may be ({@link
   * ConsentStates#maxAgeNanos()}), the same bound such a change has there. A snapshot read while a
   * change landed serves its call and is not kept.
   */
  private Snapshot snapshot() {
    long changes = states.changes();
    long now = System.nanoTime();
    Snapshot last = snapshot;
    Snapshot read;
    if (last == null || last.changes() != changes) {
      read =
          jdbi.inTransaction(
              TransactionIsolationLevel.REPEATABLE_READ,
              handle -> new Snapshot(known(handle), optOuts(handle), changes, now));
    } else if (now - last.knownAt() >= states.maxAgeNanos()) {
      read = new Snapshot(jdbi.withHandle(this::known), last.optOuts(), changes, now);
    } else {
      return last;
    }
    if (states.changes() == changes) {
      snapshot = read;
    }
    return read;
  }

  /**
   * The identities whose state is more than their opt-outs, as 64-bit prefixes of their hashes:
   * those the vault holds or erased, and addresses that unsubscribed.
   */
  private PrefixSet known(Handle handle) {
    PrefixSet known = new PrefixSet();
    handle
        .createQuery(
            "select hash from vault_identity union all select hash from vault_tombstone_identity")
        .setFetchSize(10_000)
        .mapTo(String.class)
        .forEach(hash -> known.add(prefix(hash)));
    // An address that unsubscribed holds its choice under its hash alone, often after its person
    // was erased or without Steward ever knowing them: its state is read in full.
    String identityKey = Party.identity("").key();
    handle
        .createQuery("select distinct party from subscription_event where party like :prefix")
        .bind("prefix", identityKey + "%")
        .setFetchSize(10_000)
        .mapTo(String.class)
        .forEach(key -> known.add(prefix(key.substring(identityKey.length()))));
    return known;
  }

  /** The opt-outs in force per identity hash: per kind, the latest event, when it is an opt-out. */
  private static Map<String, PartyState> optOuts(Handle handle) {
    Map<String, EnumMap<OptOutKind, String>> inForce = new HashMap<>();
    String prefix = Party.identity("").key();
    handle
        .createQuery(
            "select party, kind, action, source from opt_out_event where party like :prefix"
                + " order by occurred_at, id")
        .bind("prefix", prefix + "%")
        .setFetchSize(10_000)
        .map(
            (rs, ctx) ->
                new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
        .forEach(
            row -> {
              String hash = row[0].substring(prefix.length());
              EnumMap<OptOutKind, String> kinds =
                  inForce.computeIfAbsent(hash, h -> new EnumMap<>(OptOutKind.class));
              if (row[2].equals("opt_out")) {
                kinds.put(OptOutKind.of(row[1]), row[3]);
              } else {
                kinds.remove(OptOutKind.of(row[1]));
              }
            });
    Map<String, PartyState> optOuts = new HashMap<>(inForce.size() * 2);
    inForce.forEach(
        (hash, kinds) -> {
          if (!kinds.isEmpty()) {
            Party party = Party.identity(hash);
            optOuts.put(
                hash,
                new PartyState(
                    party, false, false, false, null, false, java.util.Set.of(), Map.of(), kinds));
          }
        });
    return optOuts;
  }

  /** The first 64 bits of a hex keyed hash. */
  static long prefix(String hash) {
    return Long.parseUnsignedLong(hash.substring(0, 16), 16);
  }

  /**
   * A set of longs, open addressing: a million vault identities take 16 MB, not the 150 MB their
   * hashes would as strings. A prefix shared by two hashes only sends the second down the full
   * look-up, which is right for both.
   */
  static final class PrefixSet {
    private long[] slots = new long[1024];
    private boolean hasZero;
    private int size;

    void add(long value) {
      if (value == 0) {
        hasZero = true;
        return;
      }
      if ((size + 1) * 2 > slots.length) {
        grow();
      }
      insert(slots, value);
    }

    private boolean insert(long[] table, long value) {
      int mask = table.length - 1;
      int i = mix(value) & mask;
      while (table[i] != 0) {
        if (table[i] == value) {
          return false;
        }
        i = (i + 1) & mask;
      }
      table[i] = value;
      if (table == slots) {
        size++;
      }
      return true;
    }

    private void grow() {
      long[] old = slots;
      slots = new long[old.length * 2];
      for (long value : old) {
        if (value != 0) {
          insert(slots, value);
        }
      }
    }

    boolean contains(long value) {
      if (value == 0) {
        return hasZero;
      }
      int mask = slots.length - 1;
      int i = mix(value) & mask;
      while (slots[i] != 0) {
        if (slots[i] == value) {
          return true;
        }
        i = (i + 1) & mask;
      }
      return false;
    }

    private static int mix(long value) {
      long h = value * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 32));
    }
  }

  // --- reading lines ----------------------------------------------------------------------------

  /** Turns a line into an identity, or refuses it naming its number. Thread-safe. */
  private interface Reader {
    Identity identity(String line, long number);
  }

  /**
   * RFC 4180 records of one line each (a line break inside quotes is refused): the header names the
   * columns, and the identity is read from the one named {@code email} or {@code phone}.
   */
  private static final class CsvReader implements Reader {
    private final int column;
    private final IdentityType type;

    private CsvReader(int column, IdentityType type) {
      this.column = column;
      this.type = type;
    }

    static CsvReader header(String line, long number) {
      List<String> names = fields(line, number);
      int column = -1;
      IdentityType type = null;
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i).strip().toLowerCase(Locale.ROOT);
        IdentityType named =
            name.equals("email")
                ? IdentityType.EMAIL
                : name.equals("phone") ? IdentityType.PHONE : null;
        if (named != null) {
          if (type != null) {
            throw malformed(1, "name one column email or phone, not both or twice");
          }
          type = named;
          column = i;
        }
      }
      if (type == null) {
        throw malformed(1, "the first line names the columns; one of them must be email or phone");
      }
      return new CsvReader(column, type);
    }

    @Override
    public Identity identity(String line, long number) {
      String field;
      if (line.indexOf('"') < 0) {
        // Nothing quoted: the column is what lies between its commas, as fields() would split it.
        int from = 0;
        for (int i = 0; i < column; i++) {
          from = line.indexOf(',', from) + 1;
          if (from == 0) {
            throw malformed(number, "it has no column " + (column + 1));
          }
        }
        int to = line.indexOf(',', from);
        field = line.substring(from, to < 0 ? line.length() : to);
      } else {
        List<String> fields = fields(line, number);
        if (fields.size() <= column) {
          throw malformed(number, "it has no column " + (column + 1));
        }
        field = fields.get(column);
      }
      return new Identity(type, field.strip());
    }

    private static List<String> fields(String line, long number) {
      List<String> fields = new ArrayList<>(4);
      StringBuilder field = new StringBuilder();
      int i = 0;
      while (true) {
        field.setLength(0);
        if (i < line.length() && line.charAt(i) == '"') {
          i++;
          while (true) {
            if (i >= line.length()) {
              throw malformed(number, "a quoted field must end on its line");
            }
            char c = line.charAt(i++);
            if (c == '"') {
              if (i < line.length() && line.charAt(i) == '"') {
                field.append('"');
                i++;
              } else {
                break;
              }
            } else {
              field.append(c);
            }
          }
          if (i < line.length() && line.charAt(i) != ',') {
            throw malformed(number, "a quoted field is followed by something other than a comma");
          }
        } else {
          int end = line.indexOf(',', i);
          end = end < 0 ? line.length() : end;
          String value = line.substring(i, end);
          if (value.indexOf('"') >= 0) {
            throw malformed(number, "a field holding a quote must be quoted");
          }
          field.append(value);
          i = end;
        }
        fields.add(field.toString());
        if (i >= line.length()) {
          return fields;
        }
        i++; // the comma
      }
    }
  }

  /** One JSON object per line with exactly one of {@code email} and {@code phone}, a string. */
  private static final class NdjsonReader implements Reader {
    @Override
    public Identity identity(String line, long number) {
      JsonNode node;
      try {
        node = Json.mapper().readTree(line);
      } catch (IOException | RuntimeException e) {
        throw malformed(number, "not a JSON object");
      }
      if (node == null || !node.isObject()) {
        throw malformed(number, "not a JSON object");
      }
      JsonNode email = node.get("email");
      JsonNode phone = node.get("phone");
      if ((email == null) == (phone == null)) {
        throw malformed(number, "name exactly one of email and phone");
      }
      JsonNode value = email != null ? email : phone;
      if (!value.isTextual()) {
        throw malformed(number, (email != null ? "email" : "phone") + " must be a string");
      }
      return new Identity(email != null ? IdentityType.EMAIL : IdentityType.PHONE, value.asText());
    }
  }

  /**
   * The upload's lines through one fixed buffer: bytes and lines are counted against the limits as
   * they arrive, a line may not exceed the limits' line length, and text must be UTF-8.
   */
  static final class Lines {
    private final InputStream in;
    private final Limits limits;
    private final byte[] buffer;
    private int start;
    private int end;
    private int lineStart;
    private int lineEnd;
    private long bytes;
    private long number;
    private boolean eof;

    Lines(InputStream in, Limits limits) {
      this.in = in;
      this.limits = limits;
      // A whole line and its line break must fit, or a full buffer would read nothing more.
      this.buffer = new byte[Math.max(BUFFER_BYTES, limits.maxLineBytes() + 2)];
    }

    /** Advances to the next line; false at the end of the upload. */
    boolean next() {
      while (true) {
        for (int i = start; i < end; i++) {
          if (buffer[i] == '\n') {
            found(i, i + 1);
            return true;
          }
        }
        if (eof) {
          if (start < end) {
            found(end, end);
            return true;
          }
          return false;
        }
        if (end - start > limits.maxLineBytes()) {
          throw malformed(number + 1, "longer than " + limits.maxLineBytes() + " bytes");
        }
        fill();
      }
    }

    private void found(int newline, int next) {
      number++;
      if (number > limits.maxLines()) {
        throw new StewardException(
            "payload-too-large",
            413,
            "a list may be at most " + limits.maxLines() + " lines; split it and filter each part");
      }
      lineStart = start;
      lineEnd = newline > start && buffer[newline - 1] == '\r' ? newline - 1 : newline;
      if (lineEnd - lineStart > limits.maxLineBytes()) {
        throw malformed(number, "longer than " + limits.maxLineBytes() + " bytes");
      }
      start = next;
    }

    private void fill() {
      if (start > 0) {
        System.arraycopy(buffer, start, buffer, 0, end - start);
        end -= start;
        start = 0;
      }
      try {
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
          eof = true;
          return;
        }
        bytes += n;
        if (bytes > limits.maxBytes()) {
          throw new StewardException(
              "payload-too-large",
              413,
              "a list may be at most "
                  + limits.maxBytes()
                  + " bytes; split it and filter each part");
        }
        end += n;
      } catch (IOException e) {
        // The client went away or broke the upload off: nothing is answered or audited.
        throw new StewardException(
            "bad-request", 400, "the upload broke off after " + bytes + " bytes", e);
      }
    }

    long number() {
      return number;
    }

    boolean blank() {
      for (int i = lineStart; i < lineEnd; i++) {
        if (buffer[i] != ' ' && buffer[i] != '\t') {
          return false;
        }
      }
      return true;
    }

    /** The line as text; malformed UTF-8 is refused rather than replaced. */
    String text() {
      return DecisionFilter.text(buffer, lineStart, lineEnd, number);
    }

    /** Copies the line as read, without its line break, to {@code to} at {@code at}. */
    int copyTo(byte[] to, int at) {
      System.arraycopy(buffer, lineStart, to, at, lineEnd - lineStart);
      return lineEnd - lineStart;
    }

    /** Writes the line as read, without its line break, and a newline. */
    void writeTo(OutputStream out) throws IOException {
      out.write(buffer, lineStart, lineEnd - lineStart);
      out.write('\n');
    }
  }

  /** Bytes {@code from} to {@code to} as text; malformed UTF-8 is refused rather than replaced. */
  static String text(byte[] bytes, int from, int to, long number) {
    for (int i = from; i < to; i++) {
      if (bytes[i] < 0) {
        try {
          return StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, from, to - from))
              .toString();
        } catch (CharacterCodingException e) {
          throw malformed(number, "not UTF-8 text");
        }
      }
    }
    return new String(bytes, from, to - from, StandardCharsets.US_ASCII);
  }

  /**
   * Consecutive non-blank lines of the upload, copied out of the reading buffer with their numbers
   * (up to {@link #BATCH_LINES} lines, or {@link #BATCH_BYTES} bytes and one more line), and once
   * decided, which of them are allowed and the denies per reason.
   */
  private static final class Batch {
    private final byte[] bytes = new byte[BATCH_BYTES + MAX_LINE_BYTES];
    private final int[] ends = new int[BATCH_LINES];
    private final long[] numbers = new long[BATCH_LINES];
    private final boolean[] allowed = new boolean[BATCH_LINES];
    private final Map<String, Long> denied = new HashMap<>();
    private int size;

    void add(Lines lines) {
      int start = start(size);
      ends[size] = start + lines.copyTo(bytes, start);
      numbers[size] = lines.number();
      size++;
    }

    boolean full() {
      return size == BATCH_LINES || start(size) >= BATCH_BYTES;
    }

    int size() {
      return size;
    }

    long number(int i) {
      return numbers[i];
    }

    String text(int i) {
      return DecisionFilter.text(bytes, start(i), ends[i], numbers[i]);
    }

    void decided(int i, Decision decision) {
      allowed[i] = decision.allowed();
      if (!allowed[i]) {
        denied.merge(decision.reason(), 1L, Long::sum);
      }
    }

    /** Writes the allowed lines, each with a newline; returns how many. */
    int writeAllowed(OutputStream out) throws IOException {
      int written = 0;
      for (int i = 0; i < size; i++) {
        if (allowed[i]) {
          out.write(bytes, start(i), ends[i] - start(i));
          out.write('\n');
          written++;
        }
      }
      return written;
    }

    private int start(int i) {
      return i == 0 ? 0 : ends[i - 1];
    }
  }
}

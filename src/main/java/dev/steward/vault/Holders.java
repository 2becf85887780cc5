package dev.steward.vault;

import dev.steward.error.InvalidInputException;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.statement.Query;

/**
 * Who holds records in some systems and categories collected in a time window: the people a breach
 * of those systems may have reached. Ids and counts only; no value is decrypted.
 */
final class Holders {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:/-]{1,128}");
  private static final int MAX_TERMS = 200;

  private final VaultContext vault;

  Holders(VaultContext vault) {
    this.vault = vault;
  }

  Vault.Holding find(
      Principal actor, Set<String> systems, Set<String> categories, Instant from, Instant to) {
    Checks.permit(vault, actor, Permission.SUBJECT_READ, "subjects.selected", "breach-window");
    List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
    check(systems, "systems", problems);
    check(categories, "categories", problems);
    if (from != null && to != null && !from.isBefore(to)) {
      problems.add(new InvalidInputException.FieldProblem("to", "must be after 'from'"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("the selection cannot be made as given", problems);
    }
    StringBuilder where = new StringBuilder(" where (");
    List<String> systemList = List.copyOf(systems);
    for (int i = 0; i < systemList.size(); i++) {
      where.append(i == 0 ? "" : " or ").append("system = :s").append(i);
    }
    where.append(") and (");
    List<String> categoryList = List.copyOf(categories);
    for (int i = 0; i < categoryList.size(); i++) {
      // A category takes its sub-categories: "contact" holds "contact.email".
      where
          .append(i == 0 ? "" : " or ")
          .append("category = :c")
          .append(i)
          .append(" or category like :p")
          .append(i);
    }
    where.append(")");
    if (from != null) {
      where.append(" and collected_at >= :from");
    }
    if (to != null) {
      where.append(" and collected_at < :to");
    }
    String sql = "select subject_id, count(*) from vault_record" + where + " group by subject_id";
    return vault
        .store()
        .inTransaction(
            handle -> {
              Query query = handle.createQuery(sql);
              for (int i = 0; i < systemList.size(); i++) {
                query.bind("s" + i, systemList.get(i));
              }
              for (int i = 0; i < categoryList.size(); i++) {
                query.bind("c" + i, categoryList.get(i));
                query.bind("p" + i, categoryList.get(i).replace("_", "\\_") + ".%");
              }
              if (from != null) {
                query.bind("from", from);
              }
              if (to != null) {
                query.bind("to", to);
              }
              List<UUID> subjects = new ArrayList<>();
              long[] records = {0};
              query
                  .map((rs, ctx) -> new Object[] {rs.getObject(1, UUID.class), rs.getLong(2)})
                  .forEach(
                      row -> {
                        subjects.add((UUID) row[0]);
                        records[0] += (Long) row[1];
                      });
              subjects.sort(null);
              vault
                  .audit()
                  .record(
                      handle,
                      actor,
                      "subjects.selected",
                      "record-selection",
                      "systems=" + systemList.size() + ",categories=" + categoryList.size(),
                      "ok",
                      "subjects=" + subjects.size() + " records=" + records[0]);
              return new Vault.Holding(List.copyOf(subjects), records[0]);
            });
  }

  private static void check(
      Set<String> ids, String field, List<InvalidInputException.FieldProblem> problems) {
    if (ids == null || ids.isEmpty() || ids.size() > MAX_TERMS) {
      problems.add(new InvalidInputException.FieldProblem(field, "give 1 to " + MAX_TERMS));
      return;
    }
    for (String id : ids) {
      if (id == null || !ID.matcher(id).matches()) {
        problems.add(
            new InvalidInputException.FieldProblem(field, "holds an id that is not valid"));
        return;
      }
    }
  }
}

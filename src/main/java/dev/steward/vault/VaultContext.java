package dev.steward.vault;

import dev.steward.audit.AuditTrail;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * What the vault's parts share: the data store, the keyring, the index, the ids, audit, time, and
 * the Art. 14 notice deadlines.
 */
record VaultContext(
    Jdbi store,
    Keyring keyring,
    IdentityIndex index,
    VaultVocabulary vocabulary,
    AuditTrail audit,
    Clock clock,
    NoticeDeadlines deadlines) {}

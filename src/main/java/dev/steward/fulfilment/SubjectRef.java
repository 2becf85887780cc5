package dev.steward.fulfilment;

import java.util.UUID;

/**
 * Whom a task is about: the vault subject and the request asking. A system outside the vault finds
 * its own rows from the subject's identities, which it reads from the vault under this id.
 *
 * @param subjectType the policy's subject type, e.g. {@code customer-contacts}
 */
public record SubjectRef(UUID subjectId, String subjectType, UUID requestId) {}

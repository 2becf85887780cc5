package dev.steward.policy;

/**
 * One topic of a direct-marketing purpose that a person can subscribe to or leave on its own, e.g.
 * event invitations apart from product news. A person who unsubscribes from a topic still hears
 * about the purpose's other topics; an objection to direct marketing stops all of them (GDPR Art.
 * 21(2)-(3)).
 *
 * @param id unique within its purpose; carried in unsubscribe links and decisions
 * @param name what the person reads on the preferences page
 */
public record Topic(String id, String name) {}

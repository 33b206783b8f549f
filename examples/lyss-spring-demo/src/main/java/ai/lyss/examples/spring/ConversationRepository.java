package ai.lyss.examples.spring;

import org.springframework.data.jpa.repository.JpaRepository;

/** Spring Data JPA over the H2 database: every statement is a database span. */
public interface ConversationRepository extends JpaRepository<Conversation, String> {}

package io.thz.core.agent;

import io.thz.core.wire.ActionRecord;
import io.thz.core.wire.EmbeddingRecord;

/** Where an agent's outputs go: the embeddings and actions topics in a service, a list in tests. */
public interface Outbox {

    void embedding(EmbeddingRecord message);

    void action(ActionRecord action);
}

package io.thz.channel;

import io.thz.core.wire.ExperienceRecord;
import io.thz.core.wire.ObservationRecord;
import io.thz.core.wire.OutcomeRecord;

/** Where the twin's records go: Kafka in the service, memory in tests. */
interface TwinPublisher {

    void observation(ObservationRecord observation, boolean ris);

    void outcome(OutcomeRecord outcome);

    void experience(ExperienceRecord experience);
}

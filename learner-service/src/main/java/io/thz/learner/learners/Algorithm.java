package io.thz.learner.learners;

import io.thz.core.policy.ActorInput;

/**
 * A learning algorithm of spec section 10: what the actors read, whether agents have local critics
 * and which value function V_tot the critic loss (47) trains.
 *
 * @param name         registry name
 * @param actorInput   actor input
 * @param localCritics local critics V^u sharing the actors' non-output layers
 * @param critic       name in the critic registry ({@code qmix} or {@code central})
 * @param description  one line for reports
 */
public record Algorithm(String name, ActorInput actorInput, boolean localCritics, String critic, String description) {
}

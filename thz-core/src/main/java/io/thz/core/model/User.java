package io.thz.core.model;

/**
 * A user as the slot scorer sees it.
 *
 * @param ap   index of the serving AP (0..M-1)
 * @param type SE or IoT
 */
public record User(int ap, UserType type) {
}

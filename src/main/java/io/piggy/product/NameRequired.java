package io.piggy.product;

/**
 * Validation group for the calls that need a name (create, batch). Find-or-create accepts an
 * item without one, so its name is checked only for length.
 */
interface NameRequired {
}

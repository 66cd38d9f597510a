package io.spotsdk.reconcile;

/**
 * Both halves of an unknown cancelReplace, each settled on its own (the call is not transactional).
 *
 * @param cancel what became of the order that was to be canceled
 * @param newOrder what became of the order that was to be placed
 */
public record CancelReplaceReconciliation(Reconciliation cancel, Reconciliation newOrder) {}

package io.spotsdk.reconcile;

/** Both halves of an unknown cancelReplace, each settled on its own (the call is not transactional). */
public record CancelReplaceReconciliation(Reconciliation cancel, Reconciliation newOrder) {}

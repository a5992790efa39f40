// What the indexer stores, one table per kind of record (in schema/), each served over GraphQL as
// `<name>(<primary key>)` and `<name>s(where, orderBy, ...)`, and the relations between them.
import { relations } from "ponder";
import { asset, assetParent } from "./schema/assets.js";
import { assetTokenTotal, payment, split } from "./schema/money.js";

export * from "./schema/assets.js";
export * from "./schema/money.js";

export const assetRelations = relations(asset, ({ many }) => ({
  parents: many(assetParent, { relationName: "child" }),
  children: many(assetParent, { relationName: "parent" }),
  payments: many(payment),
  splits: many(split),
  totals: many(assetTokenTotal),
}));

export const assetParentRelations = relations(assetParent, ({ one }) => ({
  child: one(asset, {
    fields: [assetParent.childId],
    references: [asset.id],
    relationName: "child",
  }),
  parent: one(asset, {
    fields: [assetParent.parentId],
    references: [asset.id],
    relationName: "parent",
  }),
}));

export const paymentRelations = relations(payment, ({ one }) => ({
  asset: one(asset, { fields: [payment.assetId], references: [asset.id] }),
}));

export const splitRelations = relations(split, ({ one }) => ({
  asset: one(asset, { fields: [split.assetId], references: [asset.id] }),
}));

export const assetTokenTotalRelations = relations(assetTokenTotal, ({ one }) => ({
  asset: one(asset, { fields: [assetTokenTotal.assetId], references: [asset.id] }),
}));

// The licensing contract's records and the protocol's administration (below the money, whose
// payments they explain).
import {
  bulkPurchase,
  currentTerm,
  licence,
  remixLicence,
  termsVersion,
  viewPayment,
} from "./schema/licensing.js";
import { revenueManager } from "./schema/protocol.js";

export * from "./schema/licensing.js";
export * from "./schema/protocol.js";

export const assetLicensingRelations = relations(asset, ({ many, one }) => ({
  /** The terms in force, per use kind. */
  terms: many(currentTerm),
  termsVersions: many(termsVersion),
  licences: many(licence, { relationName: "licensed" }),
  /** Remix licences this asset, a remix, bought from its parents at registration. */
  remixLicencesBought: many(remixLicence, { relationName: "remixLicenceRemix" }),
  /** Remix licences sold by this asset to remixes registering. */
  remixLicencesSold: many(remixLicence, { relationName: "remixLicenceParent" }),
  viewPayments: many(viewPayment),
  revenueManager: one(revenueManager, {
    fields: [asset.id],
    references: [revenueManager.assetId],
  }),
}));

export const paymentLicensingRelations = relations(payment, ({ one }) => ({
  licence: one(licence, { fields: [payment.licenceId], references: [licence.id] }),
}));

export const termsVersionRelations = relations(termsVersion, ({ one }) => ({
  asset: one(asset, { fields: [termsVersion.assetId], references: [asset.id] }),
}));

export const currentTermRelations = relations(currentTerm, ({ one }) => ({
  asset: one(asset, { fields: [currentTerm.assetId], references: [asset.id] }),
}));

export const licenceRelations = relations(licence, ({ one }) => ({
  asset: one(asset, {
    fields: [licence.assetId],
    references: [asset.id],
    relationName: "licensed",
  }),
  payment: one(payment, { fields: [licence.paymentId], references: [payment.id] }),
  bulkPurchase: one(bulkPurchase, {
    fields: [licence.bulkPurchaseId],
    references: [bulkPurchase.id],
    relationName: "bulk",
  }),
  /** The remix a `Remix` licence registered. */
  remix: one(asset, { fields: [licence.consumedBy], references: [asset.id] }),
}));

export const bulkPurchaseRelations = relations(bulkPurchase, ({ many }) => ({
  licences: many(licence, { relationName: "bulk" }),
}));

export const remixLicenceRelations = relations(remixLicence, ({ one }) => ({
  remix: one(asset, {
    fields: [remixLicence.remixId],
    references: [asset.id],
    relationName: "remixLicenceRemix",
  }),
  parent: one(asset, {
    fields: [remixLicence.parentId],
    references: [asset.id],
    relationName: "remixLicenceParent",
  }),
  payment: one(payment, { fields: [remixLicence.paymentId], references: [payment.id] }),
}));

export const viewPaymentRelations = relations(viewPayment, ({ one }) => ({
  asset: one(asset, { fields: [viewPayment.assetId], references: [asset.id] }),
  payment: one(payment, { fields: [viewPayment.paymentId], references: [payment.id] }),
}));

export const revenueManagerRelations = relations(revenueManager, ({ one }) => ({
  asset: one(asset, { fields: [revenueManager.assetId], references: [asset.id] }),
}));

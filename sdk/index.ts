// The SDK's public API: every export is named here.

export { licensingAbi } from "./abis/licensingAbi.js";
export { protocolErrorsAbi } from "./abis/protocolErrorsAbi.js";
export { remixProtocolAbi } from "./abis/remixProtocolAbi.js";

export { type Deployment, deployments } from "./deployments/deployment.js";
export {
  deploymentFromIgnition,
  type DeploymentFromIgnitionOptions,
} from "./deployments/deploymentFromIgnition.js";
export { type DeploymentParameters, resolveDeployment } from "./deployments/resolveDeployment.js";

export { RemixError, type RemixErrorOptions } from "./errors/base.js";
export {
  ContractRevertError,
  type ProtocolErrorArgs,
  type ProtocolErrorName,
  UnknownRevertError,
} from "./errors/contract.js";
export {
  describeRevert,
  type DescribeRevertOptions,
  type RevertCurrency,
  useKindName,
} from "./errors/describeRevert.js";
export {
  ChainMismatchError,
  ContractNotDeployedError,
  UnknownChainError,
} from "./errors/deployment.js";
export { AccountNotFoundError, InvalidParameterError } from "./errors/parameters.js";
export { LogRangeTooLargeError, RpcConnectionError } from "./errors/rpc.js";
export { IndexerError } from "./errors/indexer.js";
export { toRemixError } from "./errors/toRemixError.js";
export {
  InsufficientAllowanceError,
  InsufficientFundsError,
  UserRejectedError,
} from "./errors/wallet.js";
export {
  RpcError,
  TransactionDroppedError,
  TransactionReplacedError,
  TransactionRevertedError,
  TransactionTimeoutError,
} from "./errors/transaction.js";

export {
  BPS,
  COMMITMENT_LIFETIME,
  COMMITMENT_MIN_AGE,
  ETH,
  MAX_PARENTS,
  UseKind,
} from "./utils/constants.js";
export type { ContentParameters } from "./utils/contentHashOf.js";
export { hashContent } from "./utils/hashContent.js";
export type { PreparedCall, TokenPull } from "./utils/preparedCall.js";
export type { BatchReadParameters } from "./utils/readContracts.js";
export type { LogScanParameters, LogScanProgress } from "./utils/scanBlocks.js";
export type {
  AnyClient,
  EstimateParameters,
  WriteParameters,
  WriteReturnType,
} from "./utils/sendPreparedCall.js";

export {
  type Asset,
  type AssetDetails,
  getAsset,
  type GetAssetErrorType,
  type GetAssetParameters,
  type GetAssetReturnType,
  getAssets,
  type GetAssetsParameters,
} from "./actions/public/getAsset.js";
export {
  getAssetIdOf,
  type GetAssetIdOfErrorType,
  type GetAssetIdOfParameters,
  type GetAssetIdOfReturnType,
} from "./actions/public/getAssetIdOf.js";
export {
  estimateRegisterOriginalGas,
  prepareRegisterOriginal,
  registerOriginal,
  type RegisterOriginalErrorType,
  type RegisterOriginalParameters,
  type RegisterOriginalReturnType,
} from "./actions/wallet/registerOriginal.js";

export { type BoundAction, type BoundActions } from "./decorators/bindActions.js";
export { remixPublicActions, type RemixPublicActions } from "./decorators/remixPublicActions.js";
export { remixWalletActions, type RemixWalletActions } from "./decorators/remixWalletActions.js";

// Registry and licensing actions.
export {
  getLicences,
  type GetLicencesErrorType,
  type GetLicencesParameters,
  type GetLicencesReturnType,
  type Licence,
} from "./actions/public/getLicences.js";
export {
  getParents,
  type GetParentsErrorType,
  type GetParentsParameters,
  type GetParentsReturnType,
} from "./actions/public/getParents.js";
export {
  getTerms,
  type GetTermsErrorType,
  type GetTermsParameters,
  type GetTermsReturnType,
} from "./actions/public/getTerms.js";
export {
  hasValidLicence,
  type HasValidLicenceErrorType,
  type HasValidLicenceParameters,
  type HasValidLicenceReturnType,
} from "./actions/public/hasValidLicence.js";
export {
  type LicenceQuote,
  quoteLicence,
  type QuoteLicenceErrorType,
  type QuoteLicenceParameters,
  type QuoteLicenceReturnType,
  quoteLicences,
  type QuoteLicencesParameters,
} from "./actions/public/quoteLicence.js";
export {
  quoteRemix,
  type QuoteRemixErrorType,
  type QuoteRemixParameters,
  type QuoteRemixReturnType,
} from "./actions/public/quoteRemix.js";
export {
  buyLicence,
  type BuyLicenceErrorType,
  type BuyLicenceParameters,
  type BuyLicenceReturnType,
  estimateBuyLicenceGas,
  prepareBuyLicence,
} from "./actions/wallet/buyLicence.js";
export {
  buyLicences,
  type BuyLicencesErrorType,
  type BuyLicencesParameters,
  type BuyLicencesReturnType,
  estimateBuyLicencesGas,
  prepareBuyLicences,
} from "./actions/wallet/buyLicences.js";
export {
  estimatePayForUseGas,
  payForUse,
  type PayForUseErrorType,
  type PayForUseParameters,
  type PayForUseReturnType,
  preparePayForUse,
} from "./actions/wallet/payForUse.js";
export {
  estimateRegisterRemixGas,
  prepareRegisterRemix,
  registerRemix,
  type RegisterRemixErrorType,
  type RegisterRemixParameters,
  type RegisterRemixReturnType,
  type RemixLicencePurchase,
} from "./actions/wallet/registerRemix.js";
export {
  estimateSetTermsGas,
  prepareSetTerms,
  setTerms,
  type SetTermsErrorType,
  type SetTermsParameters,
  type SetTermsReturnType,
} from "./actions/wallet/setTerms.js";
export { type CurrencyAmount, sumByCurrency } from "./utils/currencyTotals.js";
export { DEFAULT_DEADLINE_SECONDS } from "./utils/deadline.js";
export type { LicenceTerms, LicenceTermsInput } from "./utils/licenceTerms.js";
export { PERPETUAL_EXPIRY } from "./utils/licenceExpiry.js";
export type { VersionedTerms } from "./utils/readTerms.js";
export type { RemixParent } from "./utils/validateParents.js";

// Royalty engine and admin actions.
export {
  getAllowance,
  type GetAllowanceErrorType,
  type GetAllowanceParameters,
  type GetAllowanceReturnType,
} from "./actions/public/getAllowance.js";
export {
  type AllowanceShortfall,
  getAllowanceShortfalls,
  type GetAllowanceShortfallsErrorType,
  type GetAllowanceShortfallsParameters,
  type GetAllowanceShortfallsReturnType,
} from "./actions/public/getAllowanceShortfalls.js";
export {
  type AssetBalance,
  getBalances,
  type GetBalancesErrorType,
  type GetBalancesParameters,
  type GetBalancesReturnType,
} from "./actions/public/getBalances.js";
export {
  getProtocolConfig,
  type GetProtocolConfigErrorType,
  type GetProtocolConfigParameters,
  type GetProtocolConfigReturnType,
  type ProtocolConfig,
} from "./actions/public/getProtocolConfig.js";
export {
  getReceived,
  SPLIT_LOG_CHILDREN,
  type GetReceivedErrorType,
  type GetReceivedParameters,
  type GetReceivedReturnType,
  type ReceivedTotals,
} from "./actions/public/getReceived.js";
export {
  acceptOwnership,
  type AcceptOwnershipErrorType,
  type AcceptOwnershipParameters,
  type AcceptOwnershipReturnType,
  estimateAcceptOwnershipGas,
  prepareAcceptOwnership,
} from "./actions/wallet/acceptOwnership.js";
export {
  approveToken,
  type ApproveTokenErrorType,
  type ApproveTokenParameters,
  type ApproveTokenReturnType,
  estimateApproveTokenGas,
  prepareApproveToken,
} from "./actions/wallet/approveToken.js";
export {
  claim,
  type ClaimErrorType,
  type ClaimParameters,
  type ClaimReturnType,
  estimateClaimGas,
  prepareClaim,
} from "./actions/wallet/claim.js";
export {
  claimMany,
  type ClaimManyErrorType,
  type ClaimManyParameters,
  type ClaimManyReturnType,
  estimateClaimManyGas,
  prepareClaimMany,
} from "./actions/wallet/claimMany.js";
export {
  estimatePayGas,
  pay,
  type PayErrorType,
  type PayParameters,
  type PayReturnType,
  preparePay,
} from "./actions/wallet/pay.js";
export {
  estimatePayManyGas,
  payMany,
  type PayManyErrorType,
  type PayManyParameters,
  type PayManyReturnType,
  preparePayMany,
} from "./actions/wallet/payMany.js";
export {
  estimateSetFeeGas,
  prepareSetFee,
  setFee,
  type SetFeeErrorType,
  type SetFeeParameters,
  type SetFeeReturnType,
} from "./actions/wallet/setFee.js";
export {
  estimateSetPausedGas,
  prepareSetPaused,
  setPaused,
  type SetPausedErrorType,
  type SetPausedParameters,
  type SetPausedReturnType,
} from "./actions/wallet/setPaused.js";
export {
  estimateSetTokenAllowedGas,
  prepareSetTokenAllowed,
  setTokenAllowed,
  type SetTokenAllowedErrorType,
  type SetTokenAllowedParameters,
  type SetTokenAllowedReturnType,
} from "./actions/wallet/setTokenAllowed.js";
export {
  estimateSetTreasuryGas,
  prepareSetTreasury,
  setTreasury,
  type SetTreasuryErrorType,
  type SetTreasuryParameters,
  type SetTreasuryReturnType,
} from "./actions/wallet/setTreasury.js";
export {
  claimBySig,
  type ClaimBySigErrorType,
  type ClaimBySigParameters,
  type ClaimBySigReturnType,
  estimateClaimBySigGas,
  prepareClaimBySig,
} from "./actions/wallet/claimBySig.js";
export {
  estimateRegisterBySigGas,
  prepareRegisterBySig,
  registerBySig,
  type RegisterBySigErrorType,
  type RegisterBySigParameters,
  type RegisterBySigReturnType,
} from "./actions/wallet/registerBySig.js";
export {
  signClaim,
  type SignClaimErrorType,
  type SignClaimParameters,
  type SignedClaim,
} from "./actions/wallet/signClaim.js";
export {
  signRegistration,
  type SignedRegistration,
  type SignRegistrationErrorType,
  type SignRegistrationParameters,
} from "./actions/wallet/signRegistration.js";
export { relayAbi } from "./abis/relayAbi.js";
export {
  commitRegistration,
  type CommitRegistrationErrorType,
  type CommitRegistrationParameters,
  type CommitRegistrationReturnType,
  estimateCommitRegistrationGas,
  prepareCommitRegistration,
  type RegistrationCommitment,
  registrationCommitment,
} from "./actions/wallet/commitRegistration.js";
export {
  estimateSetRevenueManagerGas,
  prepareSetRevenueManager,
  setRevenueManager,
  type SetRevenueManagerErrorType,
  type SetRevenueManagerParameters,
  type SetRevenueManagerReturnType,
} from "./actions/wallet/setRevenueManager.js";
export {
  estimateSetRevenueManagerForAllGas,
  prepareSetRevenueManagerForAll,
  setRevenueManagerForAll,
  type SetRevenueManagerForAllErrorType,
  type SetRevenueManagerForAllParameters,
  type SetRevenueManagerForAllReturnType,
} from "./actions/wallet/setRevenueManagerForAll.js";
export {
  estimateSplitGas,
  prepareSplit,
  split,
  type SplitErrorType,
  type SplitParameters,
  type SplitReturnType,
} from "./actions/wallet/split.js";
export {
  estimateSplitManyGas,
  prepareSplitMany,
  splitMany,
  type SplitManyErrorType,
  type SplitManyParameters,
  type SplitManyReturnType,
} from "./actions/wallet/splitMany.js";
export {
  estimateTransferOwnershipGas,
  prepareTransferOwnership,
  transferOwnership,
  type TransferOwnershipErrorType,
  type TransferOwnershipParameters,
  type TransferOwnershipReturnType,
} from "./actions/wallet/transferOwnership.js";
export {
  estimateWithdrawFeesGas,
  prepareWithdrawFees,
  withdrawFees,
  type WithdrawFeesErrorType,
  type WithdrawFeesParameters,
  type WithdrawFeesReturnType,
} from "./actions/wallet/withdrawFees.js";
export type { AssetClaim } from "./utils/receiptClaims.js";
export type { SplitResult } from "./utils/receiptSplits.js";

// Lineage and claim-all actions.
export {
  getEarnings,
  type GetEarningsErrorType,
  type GetEarningsParameters,
  type GetEarningsReturnType,
  type TokenEarnings,
} from "./actions/public/getEarnings.js";
export {
  getLineage,
  type GetLineageErrorType,
  type GetLineageParameters,
  type GetLineageReturnType,
  type Lineage,
  type LineageDirection,
} from "./actions/public/getLineage.js";
export {
  getOwnedAssets,
  type GetOwnedAssetsErrorType,
  type GetOwnedAssetsParameters,
  type GetOwnedAssetsReturnType,
} from "./actions/public/getOwnedAssets.js";
export {
  type ClaimAllCallPlan,
  type ClaimAllSkippedClaim,
  type ClaimAllSkippedSplit,
  type ClaimAllSplitPlan,
  previewClaimAll,
  type PreviewClaimAllErrorType,
  type PreviewClaimAllParameters,
  type PreviewClaimAllReturnType,
} from "./actions/public/previewClaimAll.js";
export {
  type AuditDiscrepancy,
  auditProtocol,
  type AuditProtocolErrorType,
  type AuditProtocolParameters,
  type AuditProtocolReturnType,
  type TokenReconciliation,
} from "./actions/public/auditProtocol.js";
export type { LedgerInconsistency } from "./utils/ledgerReplay.js";
export type { IndexerParameters } from "./utils/indexer.js";
export { formatBps } from "./format/formatBps.js";
export { formatDiscrepancy } from "./format/formatDiscrepancy.js";
export {
  formatLineageDot,
  formatLineageMermaid,
  type LineageLabel,
} from "./format/formatLineageGraph.js";
export { formatLineageTree, type FormatLineageTreeOptions } from "./format/formatLineageTree.js";
export {
  CLAIM_ALL_GAS_PER_TRANSACTION,
  claimAllTransactionCount,
  claimGasBound,
  splitGasBound,
} from "./utils/claimAllBatches.js";
export type { SkippedSplit, SplitSkipReason } from "./utils/claimPlan.js";
export {
  claimAll,
  type ClaimAllErrorType,
  type ClaimAllFailure,
  type ClaimAllParameters,
  type ClaimAllReturnType,
  estimateClaimAllGas,
  prepareClaimAll,
} from "./actions/wallet/claimAll.js";
export type { LineageEdge } from "./utils/lineageGraph.js";
export {
  advanceRemainder,
  balanceAfterClaim,
  balanceAfterCredit,
  balanceAfterSplit,
  type BalanceSplit,
  claimable,
  claimPays,
  EMPTY_BALANCE,
  parentParts,
  paymentFees,
  protocolFee,
  type RoyaltyBalance,
  roundingIncrement,
  splitBalance,
} from "./utils/splitMath.js";
export type { TokenAmount } from "./utils/tokenAmounts.js";

// Licence manifests.
export {
  getLicenceManifest,
  type GetLicenceManifestErrorType,
  type GetLicenceManifestParameters,
  type GetLicenceManifestReturnType,
  type LicenceManifest,
  type LicenceManifestEntry,
  type UseKindName,
} from "./actions/public/getLicenceManifest.js";
export { formatLicenceManifest } from "./format/formatLicenceManifest.js";

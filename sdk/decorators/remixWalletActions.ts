import {
  estimateAcceptOwnershipGas,
  prepareAcceptOwnership,
  acceptOwnership,
} from "../actions/wallet/acceptOwnership.js";
import {
  estimateApproveTokenGas,
  prepareApproveToken,
  approveToken,
} from "../actions/wallet/approveToken.js";
import {
  estimateBuyLicenceGas,
  prepareBuyLicence,
  buyLicence,
} from "../actions/wallet/buyLicence.js";
import {
  estimateBuyLicencesGas,
  prepareBuyLicences,
  buyLicences,
} from "../actions/wallet/buyLicences.js";
import { estimateClaimGas, prepareClaim, claim } from "../actions/wallet/claim.js";
import { estimateClaimAllGas, prepareClaimAll, claimAll } from "../actions/wallet/claimAll.js";
import { estimateClaimManyGas, prepareClaimMany, claimMany } from "../actions/wallet/claimMany.js";
import { estimatePayGas, preparePay, pay } from "../actions/wallet/pay.js";
import { estimatePayForUseGas, preparePayForUse, payForUse } from "../actions/wallet/payForUse.js";
import { estimatePayManyGas, preparePayMany, payMany } from "../actions/wallet/payMany.js";
import {
  estimateRegisterOriginalGas,
  prepareRegisterOriginal,
  registerOriginal,
} from "../actions/wallet/registerOriginal.js";
import {
  estimateRegisterRemixGas,
  prepareRegisterRemix,
  registerRemix,
} from "../actions/wallet/registerRemix.js";
import { estimateSetFeeGas, prepareSetFee, setFee } from "../actions/wallet/setFee.js";
import { estimateSetPausedGas, prepareSetPaused, setPaused } from "../actions/wallet/setPaused.js";
import { estimateSetTermsGas, prepareSetTerms, setTerms } from "../actions/wallet/setTerms.js";
import {
  estimateSetTokenAllowedGas,
  prepareSetTokenAllowed,
  setTokenAllowed,
} from "../actions/wallet/setTokenAllowed.js";
import {
  estimateSetTreasuryGas,
  prepareSetTreasury,
  setTreasury,
} from "../actions/wallet/setTreasury.js";
import {
  claimBySig,
  estimateClaimBySigGas,
  prepareClaimBySig,
} from "../actions/wallet/claimBySig.js";
import {
  estimateRegisterBySigGas,
  prepareRegisterBySig,
  registerBySig,
} from "../actions/wallet/registerBySig.js";
import { signClaim } from "../actions/wallet/signClaim.js";
import { signRegistration } from "../actions/wallet/signRegistration.js";
import {
  commitRegistration,
  estimateCommitRegistrationGas,
  prepareCommitRegistration,
} from "../actions/wallet/commitRegistration.js";
import {
  estimateSetRevenueManagerGas,
  prepareSetRevenueManager,
  setRevenueManager,
} from "../actions/wallet/setRevenueManager.js";
import {
  estimateSetRevenueManagerForAllGas,
  prepareSetRevenueManagerForAll,
  setRevenueManagerForAll,
} from "../actions/wallet/setRevenueManagerForAll.js";
import { estimateSplitGas, prepareSplit, split } from "../actions/wallet/split.js";
import { estimateSplitManyGas, prepareSplitMany, splitMany } from "../actions/wallet/splitMany.js";
import {
  estimateTransferOwnershipGas,
  prepareTransferOwnership,
  transferOwnership,
} from "../actions/wallet/transferOwnership.js";
import {
  estimateWithdrawFeesGas,
  prepareWithdrawFees,
  withdrawFees,
} from "../actions/wallet/withdrawFees.js";
import type { DeploymentParameters } from "../deployments/resolveDeployment.js";
import type { AnyClient } from "../utils/sendPreparedCall.js";
import { bindActions, type BoundActions } from "./bindActions.js";

const walletActions = {
  acceptOwnership,
  prepareAcceptOwnership,
  estimateAcceptOwnershipGas,
  approveToken,
  prepareApproveToken,
  estimateApproveTokenGas,
  buyLicence,
  prepareBuyLicence,
  estimateBuyLicenceGas,
  buyLicences,
  prepareBuyLicences,
  estimateBuyLicencesGas,
  commitRegistration,
  prepareCommitRegistration,
  estimateCommitRegistrationGas,
  claimBySig,
  prepareClaimBySig,
  estimateClaimBySigGas,
  registerBySig,
  prepareRegisterBySig,
  estimateRegisterBySigGas,
  signClaim,
  signRegistration,
  claim,
  prepareClaim,
  estimateClaimGas,
  claimAll,
  prepareClaimAll,
  estimateClaimAllGas,
  claimMany,
  prepareClaimMany,
  estimateClaimManyGas,
  pay,
  preparePay,
  estimatePayGas,
  payForUse,
  preparePayForUse,
  estimatePayForUseGas,
  payMany,
  preparePayMany,
  estimatePayManyGas,
  registerOriginal,
  prepareRegisterOriginal,
  estimateRegisterOriginalGas,
  registerRemix,
  prepareRegisterRemix,
  estimateRegisterRemixGas,
  setFee,
  prepareSetFee,
  estimateSetFeeGas,
  setPaused,
  prepareSetPaused,
  estimateSetPausedGas,
  setRevenueManager,
  prepareSetRevenueManager,
  estimateSetRevenueManagerGas,
  setRevenueManagerForAll,
  prepareSetRevenueManagerForAll,
  estimateSetRevenueManagerForAllGas,
  setTerms,
  prepareSetTerms,
  estimateSetTermsGas,
  setTokenAllowed,
  prepareSetTokenAllowed,
  estimateSetTokenAllowedGas,
  setTreasury,
  prepareSetTreasury,
  estimateSetTreasuryGas,
  split,
  prepareSplit,
  estimateSplitGas,
  splitMany,
  prepareSplitMany,
  estimateSplitManyGas,
  transferOwnership,
  prepareTransferOwnership,
  estimateTransferOwnershipGas,
  withdrawFees,
  prepareWithdrawFees,
  estimateWithdrawFeesGas,
};

/**
 * Every write of the protocol, bound to a client, each three ways: `action` (simulate, send, wait
 * for the receipt), `prepareAction` (the transaction's fields, unsent) and `estimateActionGas`.
 */
export type RemixWalletActions = BoundActions<typeof walletActions>;

/**
 * A decorator that adds every protocol write to a viem wallet client.
 *
 * @example
 * const wallet = createWalletClient({ account, chain: mainnet, transport: http() })
 *   .extend(remixWalletActions());
 * const { assetId } = await wallet.registerOriginal({ content, metadataUri });
 *
 * @param defaults `deployment` for chains the SDK does not know (a local node, a new network).
 */
export function remixWalletActions(defaults: DeploymentParameters = {}) {
  return (client: AnyClient): RemixWalletActions => bindActions(client, walletActions, defaults);
}

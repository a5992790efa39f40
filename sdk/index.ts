// The SDK's public API: every export is named here.

export { licensingAbi } from "./abis/licensingAbi.js";
export { protocolErrorsAbi } from "./abis/protocolErrorsAbi.js";
export { remixProtocolAbi } from "./abis/remixProtocolAbi.js";

export { type Deployment, deployments } from "./deployments/deployment.js";
export { type DeploymentParameters, resolveDeployment } from "./deployments/resolveDeployment.js";

export { RemixError, type RemixErrorOptions } from "./errors/base.js";
export {
  ContractRevertError,
  type ProtocolErrorArgs,
  type ProtocolErrorName,
  UnknownRevertError,
} from "./errors/contract.js";
export { ContractNotDeployedError, UnknownChainError } from "./errors/deployment.js";
export { AccountNotFoundError, InvalidParameterError } from "./errors/parameters.js";
export { toRemixError } from "./errors/toRemixError.js";
export {
  RpcError,
  TransactionDroppedError,
  TransactionReplacedError,
  TransactionRevertedError,
  TransactionTimeoutError,
} from "./errors/transaction.js";

export { BPS, ETH, MAX_PARENTS, UseKind } from "./utils/constants.js";
export { hashContent } from "./utils/hashContent.js";
export type { PreparedCall } from "./utils/preparedCall.js";
export type { BatchReadParameters } from "./utils/readContracts.js";
export type { LogScanParameters } from "./utils/scanBlocks.js";
export type {
  EstimateParameters,
  WriteParameters,
  WriteReturnType,
} from "./utils/sendPreparedCall.js";

export {
  type Asset,
  getAsset,
  type GetAssetErrorType,
  type GetAssetParameters,
  type GetAssetReturnType,
  getAssets,
  type GetAssetsParameters,
} from "./actions/public/getAsset.js";
export {
  estimateRegisterOriginalGas,
  prepareRegisterOriginal,
  registerOriginal,
  type RegisterOriginalErrorType,
  type RegisterOriginalParameters,
  type RegisterOriginalReturnType,
} from "./actions/wallet/registerOriginal.js";

// Registry and licensing actions.

// Royalty engine and admin actions.

// Lineage and claim-all actions.

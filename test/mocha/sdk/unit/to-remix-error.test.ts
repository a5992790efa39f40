import { expect } from "chai";
import {
  BaseError,
  ChainMismatchError as ViemChainMismatchError,
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  ContractFunctionZeroDataError,
  encodeErrorResult,
  HttpRequestError,
  InsufficientFundsError as ViemInsufficientFundsError,
  parseAbi,
  RawContractError,
  TransactionExecutionError,
  UserRejectedRequestError,
} from "viem";
import { mainnet } from "viem/chains";
import {
  ChainMismatchError,
  ContractNotDeployedError,
  ContractRevertError,
  InsufficientFundsError,
  protocolErrorsAbi,
  RemixError,
  RpcConnectionError,
  RpcError,
  toRemixError,
  UnknownRevertError,
  UserRejectedError,
} from "../../../../sdk/index.js";

const revert = (data: `0x${string}`) =>
  new BaseError("call failed", { cause: new RawContractError({ data }) });

describe("sdk toRemixError", function () {
  it("decodes a protocol error with typed arguments and keeps the viem error as cause", function () {
    const data = encodeErrorResult({
      abi: protocolErrorsAbi,
      errorName: "PriceAboveMaximum",
      args: [5n, 4n],
    });
    const cause = revert(data);
    const error = toRemixError(cause);
    expect(error).to.be.instanceOf(ContractRevertError);
    const decoded = error as ContractRevertError;
    expect(decoded.is("PriceAboveMaximum")).to.equal(true);
    expect(decoded.is("ZeroAmount")).to.equal(false);
    expect(decoded.args).to.deep.equal([5n, 4n]);
    expect(decoded.data).to.equal(data);
    expect(decoded.cause).to.equal(cause);
    expect(decoded.shortMessage).to.equal(
      "The price 5 (smallest unit) is above the maximum 4 (smallest unit) (PriceAboveMaximum).",
    );
    expect(decoded.describe({ currency: { symbol: "dUSD", decimals: 6 } })).to.equal(
      "The price 0.000005 dUSD is above the maximum 0.000004 dUSD (PriceAboveMaximum).",
    );
  });

  it("decodes OpenZeppelin errors bubbled up through the protocol", function () {
    const data = encodeErrorResult({
      abi: protocolErrorsAbi,
      errorName: "ERC20InsufficientAllowance",
      args: ["0x0000000000000000000000000000000000000001", 1n, 2n],
    });
    const error = toRemixError(revert(data)) as ContractRevertError;
    expect(error.errorName).to.equal("ERC20InsufficientAllowance");
  });

  it("reads the raw data of viem's ContractFunctionRevertedError", function () {
    const data = encodeErrorResult({ abi: protocolErrorsAbi, errorName: "ZeroAmount" });
    const cause = new ContractFunctionRevertedError({
      abi: [],
      data,
      functionName: "pay",
    });
    expect((toRemixError(cause) as ContractRevertError).errorName).to.equal("ZeroAmount");
  });

  it("reports require messages and panics as UnknownRevertError with the reason", function () {
    const message = encodeErrorResult({
      abi: parseAbi(["error Error(string)"]),
      errorName: "Error",
      args: ["nope"],
    });
    const panic = encodeErrorResult({
      abi: parseAbi(["error Panic(uint256)"]),
      errorName: "Panic",
      args: [0x11n],
    });
    expect((toRemixError(revert(message)) as UnknownRevertError).reason).to.equal("Error(nope)");
    expect((toRemixError(revert(panic)) as UnknownRevertError).reason).to.equal("Panic(17)");
  });

  it("keeps undecodable revert data on an UnknownRevertError", function () {
    const error = toRemixError(revert("0xdeadbeef00"));
    expect(error).to.be.instanceOf(UnknownRevertError);
    expect((error as UnknownRevertError).data).to.equal("0xdeadbeef00");
  });

  it("maps a call without return data to ContractNotDeployedError naming the contract", function () {
    const error = toRemixError(new ContractFunctionZeroDataError({ functionName: "getAsset" }));
    expect(error).to.be.instanceOf(ContractNotDeployedError);
    const contractAddress = "0x0000000000000000000000000000000000000001";
    const call = new ContractFunctionExecutionError(
      new ContractFunctionZeroDataError({ functionName: "getAsset" }),
      { abi: [], functionName: "getAsset", contractAddress },
    );
    expect(toRemixError(call)).to.deep.include({ address: contractAddress, cause: call });
  });

  it("maps a declined wallet prompt to UserRejectedError, however deep viem wrapped it", function () {
    const denied = new Error("User denied transaction signature.");
    const wrapped = new BaseError("sending failed", {
      cause: new UserRejectedRequestError(denied),
    });
    const error = toRemixError(wrapped);
    expect(error).to.be.instanceOf(UserRejectedError);
    expect(error.cause).to.equal(wrapped);
    expect(error.walk()).to.equal(denied);
  });

  it("maps a sender short of ETH to InsufficientFundsError", function () {
    const short = new ViemInsufficientFundsError({
      cause: new BaseError("insufficient funds for gas * price + value"),
    });
    const wrapped = new TransactionExecutionError(short, {
      account: { address: "0x0000000000000000000000000000000000000001", type: "json-rpc" },
      chain: undefined,
    });
    const error = toRemixError(wrapped);
    expect(error).to.be.instanceOf(InsufficientFundsError);
    expect(error.cause).to.equal(wrapped);
  });

  it("maps viem's ChainMismatchError to ChainMismatchError naming both chains", function () {
    const cause = new ViemChainMismatchError({ chain: mainnet, currentChainId: 31337 });
    const error = toRemixError(cause);
    expect(error).to.be.instanceOf(ChainMismatchError);
    expect(error).to.deep.include({ deploymentChainId: 1, clientChainId: 31337 });
    expect(error.cause).to.equal(cause);
  });

  it("maps an endpoint that did not answer to RpcConnectionError naming its URL", function () {
    const refused = new Error("connect ECONNREFUSED 127.0.0.1:1");
    const cause = new HttpRequestError({
      url: "http://127.0.0.1:1",
      cause: new Error("fetch failed", { cause: refused }),
    });
    const error = toRemixError(cause);
    expect(error).to.be.instanceOf(RpcConnectionError);
    expect(error).to.deep.include({
      url: "http://127.0.0.1:1",
      reason: "connect ECONNREFUSED 127.0.0.1:1",
    });
    expect(error.cause).to.equal(cause);
    expect(error.walk()).to.equal(refused);
  });

  it("wraps other failures in RpcError quoting the node, and returns SDK errors unchanged", function () {
    // An HTTP error status: the endpoint answered, so it is not a connection error.
    const cause = new HttpRequestError({
      url: "http://127.0.0.1:1",
      status: 503,
      details: "Service Unavailable",
    });
    const error = toRemixError(cause);
    expect(error).to.be.instanceOf(RpcError);
    expect(error.shortMessage).to.equal("The JSON-RPC request failed: Service Unavailable.");
    expect(error.cause).to.equal(cause);
    const own = new RemixError("mine");
    expect(toRemixError(own)).to.equal(own);
  });
});

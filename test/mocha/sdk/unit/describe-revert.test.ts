import { expect } from "chai";
import { type AbiParameter, zeroAddress } from "viem";
import {
  ContractRevertError,
  describeRevert,
  protocolErrorsAbi,
  useKindName,
} from "../../../../sdk/index.js";

/** A value of `parameter`'s type, to build any error's arguments. */
function sample({ type }: AbiParameter): unknown {
  if (type === "address") return zeroAddress;
  if (type === "bool") return true;
  if (type === "string") return "text";
  if (type.startsWith("bytes")) return `0x${"ab".repeat(32)}`;
  return type.startsWith("uint8") ? 3 : 1_700_000_000n;
}

const errors = protocolErrorsAbi.filter((item) => item.type === "error");

describe("sdk describeRevert", function () {
  it("describes every protocol error a user can cause, and no error with a broken sentence", function () {
    const described = errors.filter((error) => {
      const sentence = describeRevert(error.name, error.inputs.map(sample));
      if (sentence === undefined) return false;
      expect(sentence, error.name).to.not.match(/undefined|NaN|\[object/);
      return true;
    });
    const names = described.map(({ name }) => name);
    for (const userFacing of [
      "AssetNotFound",
      "UnknownAsset",
      "UseNotAllowed",
      "TermsVersionMismatch",
      "SharesExceedLimit",
      "InvalidMinShare",
      "PriceAboveMaximum",
      "CurrencyNotAllowed",
      "TokenNotAllowed",
      "InsufficientPayment",
      "ERC20InsufficientAllowance",
      "DeadlinePassed",
      "ProtocolPaused",
      "ContentAlreadyRegistered",
      "ContentCommitted",
    ]) {
      expect(names, userFacing).to.include(userFacing);
    }
  });

  it("names use kinds, ETH amounts in ether, token amounts in the given currency, times in UTC", function () {
    expect(useKindName(3)).to.equal("AITraining");
    expect(useKindName(9)).to.equal("use kind 9");
    expect(describeRevert("TermsVersionMismatch", [7n, 0, 2, 3])).to.equal(
      "the View terms of asset 7 are at version 3, not the version 2 quoted: quote again",
    );
    expect(describeRevert("InsufficientPayment", [10n ** 18n, 5n * 10n ** 17n])).to.equal(
      "the purchase costs 1 ETH but 0.5 ETH was sent",
    );
    const currency = { symbol: "USDC", decimals: 6 };
    expect(describeRevert("PriceAboveMaximum", [1_500_000n, 1_000_000n], { currency })).to.equal(
      "the price 1.5 USDC is above the maximum 1 USDC",
    );
    expect(describeRevert("DeadlinePassed", [1_700_000_000n, 1_700_000_001n])).to.equal(
      "the deadline 2023-11-14T22:13:20Z passed before inclusion (2023-11-14T22:13:21Z)",
    );
    expect(describeRevert("InvalidMinShare", [1, 500, 0])).to.equal(
      "only Remix terms take a minimum share (5.00% given for Commercial)",
    );
    expect(describeRevert("OnlyProtocol", [zeroAddress])).to.equal(undefined);
  });

  it("keeps the generic form for errors without a sentence", function () {
    const error = new ContractRevertError({
      errorName: "OnlyRelay",
      args: [zeroAddress],
      data: "0x",
    });
    expect(error.shortMessage).to.equal(`The protocol reverted with OnlyRelay(${zeroAddress}).`);
  });
});

import { expect } from "chai";
import type { Address } from "viem";
import { ETH } from "../../../../sdk/index.js";
import { claimBatches, splitBatches } from "../../../../sdk/utils/claimAllBatches.js";

const TOKEN: Address = "0x00000000000000000000000000000000000000aa";

describe("sdk claimAll batching by gas", function () {
  it("keeps the order and starts a new transaction when the next asset would not fit", function () {
    // One token: a split costs 30,000 + 30,000 per parent, plus 60,000 per transaction.
    const plan = {
      assetIds: [9n, 8n, 7n, 6n],
      tokens: [ETH],
      parentCounts: [1, 1, 4, 1],
    };
    // 60,000 + 60,000 + 60,000 = 180,000 fits; adding 7n (150,000) would not.
    expect(splitBatches(plan, 200_000n)).to.deep.equal([[9n, 8n], [7n], [6n]]);
    expect(splitBatches(plan, 330_000n)).to.deep.equal([[9n, 8n, 7n], [6n]]);
    expect(splitBatches(plan, 10_000_000n)).to.deep.equal([[9n, 8n, 7n, 6n]]);
  });

  it("scales with the number of tokens and gives an oversized asset a transaction of its own", function () {
    const plan = { assetIds: [3n, 2n], tokens: [ETH, TOKEN], parentCounts: [16, 1] };
    // 3n alone: 60,000 + 2 x (30,000 + 480,000) = 1,080,000, over the budget yet still sent.
    expect(splitBatches(plan, 1_000_000n)).to.deep.equal([[3n], [2n]]);
  });

  it("sizes claims by assets and tokens, with each token's transfer counted once", function () {
    const assetIds = Array.from({ length: 100 }, (_, i) => BigInt(i + 1));
    // Two tokens: 60,000 + 2 x 50,000 fixed, 3,000 + 2 x 10,000 per asset: 36 fit in 1,000,000.
    const batches = claimBatches({ assetIds, tokens: [ETH, TOKEN] }, 1_000_000n);
    expect(batches.map((batch) => batch.length)).to.deep.equal([36, 36, 28]);
    expect(batches.flat()).to.deep.equal(assetIds);
    expect(claimBatches({ assetIds: [], tokens: [ETH] }, 1_000_000n)).to.deep.equal([]);
  });
});

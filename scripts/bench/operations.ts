// The protocol's main operations, each measured once on a fresh in-process Hardhat network.
import { benchSetup, DEADLINE, Kind, type Sent } from "./setup.js";

/** Gas of each main operation, as table rows (label, gas). */
export async function operationsBench(): Promise<Array<[string, bigint]>> {
  const {
    creator,
    payer,
    other,
    ETH,
    token,
    protocol,
    licensing,
    hash,
    uri,
    terms,
    original,
    openForRemix,
    sendRemix,
    remix,
    chain,
    calldataGas,
    ethers,
    connection,
  } = await benchSetup();
  const FREE = { currency: ETH, amount: 0n };
  // Each asset here publishes its terms for a kind once, so version 1 is the one a buyer quotes.
  const QUOTED = 1;
  const rows: Array<[string, bigint]> = [];
  async function record(label: string, sent: Sent): Promise<bigint> {
    const receipt = await (await sent).wait();
    rows.push([label, receipt!.gasUsed]);
    return receipt!.gasUsed;
  }

  // Registration
  await record(
    "register original, creator's first asset (59-char URI)",
    protocol.connect(other).registerOriginal(hash(), uri()),
  );
  await record(
    "register original, creator already holds assets (59-char URI)",
    protocol.connect(other).registerOriginal(hash(), uri()),
  );
  // Registration nobody can front-run: commit (naming the content key), then reveal.
  const coder = ethers.AbiCoder.defaultAbiCoder();
  const hidden = hash();
  const salt = ethers.id("bench salt");
  const commitment = ethers.keccak256(
    coder.encode(["address", "bytes32", "bytes32"], [other.address, hidden, salt]),
  );
  const contentKey = ethers.keccak256(coder.encode(["bytes32"], [hidden]));
  await record(
    "commit to a registration (content held)",
    protocol.connect(other).commitRegistration(commitment, contentKey),
  );
  await connection.networkHelpers.time.increase(60); // a commitment's minimum age
  await record(
    "reveal the committed original (59-char URI)",
    protocol.connect(other).revealOriginal(hidden, uri(), salt),
  );
  const roots: bigint[] = [];
  for (let i = 0; i < 16; i++) {
    roots.push(await original());
    await openForRemix(roots[i]);
  }
  await record(
    "publish terms (one use kind)",
    licensing
      .connect(creator)
      .setTerms(roots[0], Kind.Commercial, terms(Kind.Commercial, 10n ** 16n)),
  );
  for (const n of [1, 4, 16]) {
    await record(
      `register remix with ${n} parent${n > 1 ? "s" : ""}, buying ${n} free licence${n > 1 ? "s" : ""} in the same tx`,
      sendRemix(roots.slice(0, n), 500),
    );
  }
  const heldFor: bigint[] = [];
  for (let i = 0; i < 4; i++) {
    await licensing
      .connect(creator)
      .buyLicence(roots[i], Kind.Remix, QUOTED, creator.address, FREE, DEADLINE);
    heldFor.push(await licensing.totalLicences());
  }
  await record(
    "register remix with 4 parents using held licences",
    protocol.connect(creator).registerRemix(
      hash(),
      uri(),
      roots.slice(0, 4).map((parentId) => ({ parentId, shareBps: 500 })),
      heldFor,
    ),
  );

  // A chain of depth 1,000: asset k remixes asset k-1.
  const spine = await chain(roots[0] as bigint, 1_000);
  const depth1 = spine[1] as bigint;
  const depth1000 = spine[1_000] as bigint;

  // Payments: the first payment creates the asset's balance; steady state pays into nonzero balances.
  // One payment beforehand creates the protocol's fee balances, so depth 1 and 1,000 start alike.
  await protocol.connect(payer).pay(roots[1], ETH, 10n ** 18n, { value: 10n ** 18n });
  await protocol.connect(payer).pay(roots[1], token, 10n ** 6n);
  const payGas: Record<string, bigint> = {};
  for (const [name, id] of [
    ["depth 1", depth1],
    ["depth 1,000", depth1000],
  ] as const) {
    const one = { value: 10n ** 18n };
    await record(
      `pay ETH, ${name}, first payment`,
      protocol.connect(payer).pay(id, ETH, 10n ** 18n, one),
    );
    const tx = await protocol.connect(payer).pay(id, ETH, 10n ** 18n, one);
    payGas[name] =
      (await record(`pay ETH, ${name}, steady state`, Promise.resolve(tx))) - calldataGas(tx.data);
    await record(
      `pay ERC-20, ${name}, first payment`,
      protocol.connect(payer).pay(id, token, 10n ** 6n),
    );
    await record(
      `pay ERC-20, ${name}, steady state`,
      protocol.connect(payer).pay(id, token, 10n ** 6n),
    );
  }
  if (payGas["depth 1"] !== payGas["depth 1,000"]) throw new Error("payment gas depends on depth");
  rows.push(["pay ETH execution gas (less calldata), depth 1 and 1,000", payGas["depth 1"]]);
  await protocol.connect(payer).pay(roots[0], ETH, 10n ** 18n, { value: 10n ** 18n });
  await record(
    "pay ETH to an original, steady state",
    protocol.connect(payer).pay(roots[0], ETH, 10n ** 18n, { value: 10n ** 18n }),
  );

  // Splitting one hop, in steady state (every balance involved already nonzero): into an original
  // parent (credited to its collectable balance) and into a remix parent (to its splittable balance).
  for (const [name, id] of [
    ["original parent", depth1],
    ["remix parent", depth1000],
  ] as const) {
    await protocol.split(id, ETH);
    await protocol.connect(payer).pay(id, ETH, 10n ** 18n, { value: 10n ** 18n });
    await record(`split 1 parent (${name}), steady state`, protocol.split(id, ETH));
  }
  const wide = await remix(roots, 500);
  await protocol.connect(payer).pay(wide, ETH, 10n ** 18n, { value: 10n ** 18n });
  const split16 = await record(
    "split 16 parents (fresh parent balances)",
    protocol.split(wide, ETH),
  );
  rows.push(["  … per parent", split16 / 16n]);

  // Licences: a single purchase, views paid per use, and bulk dataset licences of 1, 10 and 100
  // assets (each its own creator asset, priced in ETH or the token, half and half).
  await licensing
    .connect(creator)
    .setTerms(depth1, Kind.Commercial, terms(Kind.Commercial, 10n ** 16n));
  await licensing.connect(creator).setTerms(depth1, Kind.View, terms(Kind.View, 10n ** 12n));
  const commercialCap = { currency: ETH, amount: 10n ** 16n };
  const buyCommercial = () =>
    licensing
      .connect(payer)
      .buyLicence(depth1, Kind.Commercial, QUOTED, payer.address, commercialCap, DEADLINE, {
        value: 10n ** 16n,
      });
  await buyCommercial(); // the first purchase creates the buyer's balances; measure the next
  await record("buy licence (Commercial, ETH, remix at depth 1)", buyCommercial());
  await record(
    "payForUse: 1,000 views in one call (ETH)",
    licensing
      .connect(payer)
      .payForUse(depth1, 1_000, QUOTED, { currency: ETH, amount: 10n ** 15n }, DEADLINE, {
        value: 10n ** 15n,
      }),
  );
  const dataset: bigint[] = [];
  for (let i = 0; i < 111; i++) {
    const id = await original();
    const currency = i % 2 === 0 ? ETH : token;
    await licensing
      .connect(creator)
      .setTerms(id, Kind.AITraining, terms(Kind.AITraining, 1_000n, currency));
    dataset.push(id);
  }
  let offset = 0;
  for (const size of [1, 10, 100]) {
    const ids = dataset.slice(offset, offset + size);
    offset += size;
    const ethTotal = ids.filter((_, i) => i % 2 === 0).length * 1_000;
    const gas = await record(
      `bulk AI-training licences, ${size} asset${size > 1 ? "s" : ""} (ETH and ERC-20)`,
      licensing.connect(payer).buyLicences(
        ids,
        Kind.AITraining,
        ids.map(() => QUOTED),
        payer.address,
        [
          { currency: ETH, amount: 10n ** 18n },
          { currency: token, amount: 10n ** 18n },
        ],
        DEADLINE,
        { value: BigInt(ethTotal) },
      ),
    );
    rows.push([`  … per asset at ${size}`, gas / BigInt(size)]);
  }

  // Claims
  await record(
    "claim 1 original, ETH",
    protocol.connect(creator).claim(roots[0] as bigint, ETH, creator.address),
  );
  await record(
    "claim 1 remix, ETH (splitting what it has pending first)",
    protocol.connect(creator).claim(depth1, ETH, creator.address),
  );
  await record(
    "claimMany 1 asset x 2 tokens",
    protocol.connect(creator).claimMany([roots[1]], [ETH, token], creator.address),
  );
  const fifty: bigint[] = [];
  for (let i = 0; i < 50; i++) fifty.push(await original());
  await protocol.connect(payer).payMany(
    ETH,
    fifty,
    fifty.map(() => 10n ** 15n),
    { value: 50n * 10n ** 15n },
  );
  await record(
    "claimMany 50 assets, ETH (one transfer)",
    protocol.connect(creator).claimMany(fifty, [ETH], creator.address),
  );
  return rows;
}

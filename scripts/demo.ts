// The protocol's story on the built-in Hardhat network: deploy with Ignition, register an
// original and two levels of remixes, pay for uses in ETH and in a 6-decimal stablecoin, move the
// money up the tree and claim it. Every figure printed is read back from the chain.
import { network } from "hardhat";
import RemixProtocolModule from "../ignition/modules/RemixProtocol.js";
import type { RemixProtocol } from "../types/ethers-contracts/index.js";

const { ethers, ignition } = await network.create();
const [admin, alice, bob, carol, viewer] = await ethers.getSigners();
const ETH = ethers.ZeroAddress;

const deployment = await ignition.deploy(RemixProtocolModule, {
  parameters: { RemixProtocol: { treasury: admin.address, feeBps: 1_000, maxFeeBps: 2_000 } },
});
const protocol = deployment.protocol as unknown as RemixProtocol;
const usd = await ethers.deployContract("MockERC20", ["Demo USD", "dUSD", 6]);
const usdAddress = await usd.getAddress();
await protocol.connect(admin).setTokenAllowed(usdAddress, true);
await usd.mint(viewer.address, 1_000_000_000n);
await usd.connect(viewer).approve(await protocol.getAddress(), ethers.MaxUint256);

const open = { remixable: true, minShareBps: 2_000 };
async function register(
  signer: typeof alice,
  title: string,
  parents: Array<{ parentId: bigint; shareBps: number }>,
): Promise<bigint> {
  const hash = ethers.id(`demo:${title}`);
  const uri = `ipfs://${ethers.id(title).slice(2, 54)}`;
  const tx = parents.length
    ? await protocol.connect(signer).registerRemix(hash, uri, open, parents)
    : await protocol.connect(signer).registerOriginal(hash, uri, open);
  await tx.wait();
  const id = await protocol.assetIdOf(hash);
  console.log(
    `  #${id} "${title}" by ${signer.address.slice(0, 8)}…${parents.length ? ` remixing ${parents.map((p) => `#${p.parentId} at ${p.shareBps / 100}%`).join(", ")}` : " (original)"}`,
  );
  return id;
}

const fmtEth = (wei: bigint) => `${ethers.formatEther(wei)} ETH`;
const fmtUsd = (units: bigint) => `${ethers.formatUnits(units, 6)} dUSD`;

console.log(
  `RemixProtocol at ${await protocol.getAddress()} (fee ${Number(await protocol.feeBps()) / 100}%, cap ${Number(await protocol.MAX_FEE_BPS()) / 100}%)\n`,
);
console.log("Registering assets:");
const a = await register(alice, "Smartwatch Product Demo (30 s)", []);
const b = await register(bob, "Smartwatch Demo, Spanish voice-over", [
  { parentId: a, shareBps: 3_000 },
]);
const c = await register(carol, "Smartwatch Demo, Spanish, vertical cut", [
  { parentId: b, shareBps: 3_000 },
]);

console.log("\nA viewer pays 1.00 for a use of B, in ETH and in dUSD; anyone then splits B:");
await protocol
  .connect(viewer)
  .pay(b, ETH, ethers.parseEther("1"), { value: ethers.parseEther("1") });
await protocol.connect(viewer).pay(b, usdAddress, 1_000_000n);
await protocol.splitMany([b], [ETH, usdAddress]);
for (const [label, id] of [
  ["B", b],
  ["A", a],
] as const) {
  console.log(
    `  ${label} collectable: ${fmtEth(await protocol.collectableBalance(id, ETH))}, ${fmtUsd(await protocol.collectableBalance(id, usdAddress))}`,
  );
}
console.log(
  `  platform fees: ${fmtEth(await protocol.accruedFees(ETH))}, ${fmtUsd(await protocol.accruedFees(usdAddress))}`,
);

console.log(
  "\nA viewer pays 1.00 ETH for a use of C; splitting C then B moves the money two levels up:",
);
const before = await Promise.all([a, b, c].map((id) => protocol.collectableBalance(id, ETH)));
await protocol
  .connect(viewer)
  .pay(c, ETH, ethers.parseEther("1"), { value: ethers.parseEther("1") });
await protocol.splitMany([c, b], [ETH]);
const after = await Promise.all([a, b, c].map((id) => protocol.collectableBalance(id, ETH)));
["A", "B", "C"].forEach((label, i) =>
  console.log(`  ${label} earned ${fmtEth(after[i] - before[i])}`),
);

console.log("\nCreators claim to their wallets:");
for (const [label, signer, id] of [
  ["A", alice, a],
  ["B", bob, b],
  ["C", carol, c],
] as const) {
  const ethBefore = await ethers.provider.getBalance(signer.address);
  const tx = await protocol.connect(signer).claimMany([id], [ETH, usdAddress], signer.address);
  const receipt = await tx.wait();
  const gas = receipt!.gasUsed * receipt!.gasPrice;
  const ethGained = (await ethers.provider.getBalance(signer.address)) - ethBefore + gas;
  console.log(
    `  ${label} claimed ${fmtEth(ethGained)} and ${fmtUsd(await usd.balanceOf(signer.address))}`,
  );
}
const held = await ethers.provider.getBalance(await protocol.getAddress());
console.log(
  `\nThe contract still holds ${fmtEth(held)} = unwithdrawn fees ${fmtEth(await protocol.accruedFees(ETH))}.`,
);

import { expect } from "chai";
import { ethers } from "../helpers/fixture.js";

// The benchmark compares the protocol with this eager reference; the comparison is only fair if
// both apply the same royalty rules, checked here on the README's worked example.
describe("NaivePushRoyalties (benchmark reference)", function () {
  it("pays a 1.00 use of C (remix of B, remix of A, 30% each) like the protocol: C 0.60, B 0.21, A 0.09, fee 0.10", async function () {
    const naive = await ethers.deployContract("NaivePushRoyalties", [1_000]);
    await naive.register(0, 0); // A
    await naive.register(1, 3_000); // B remixes A
    await naive.register(2, 3_000); // C remixes B
    await naive.pay(3, { value: ethers.parseEther("1") });
    expect(await naive.balanceOf(3)).to.equal(ethers.parseEther("0.6"));
    expect(await naive.balanceOf(2)).to.equal(ethers.parseEther("0.21"));
    expect(await naive.balanceOf(1)).to.equal(ethers.parseEther("0.09"));
    expect(await naive.accruedFees()).to.equal(ethers.parseEther("0.1"));
    expect(await ethers.provider.getBalance(await naive.getAddress())).to.equal(
      ethers.parseEther("1"),
    );
  });
});

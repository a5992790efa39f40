import { spawn } from "node:child_process";
import { expect } from "chai";

// The CLI the `hardhat` bin runs (not exported by the package, so found by path).
const HARDHAT = "node_modules/hardhat/dist/src/cli.js";

/** Runs `npm run demo`'s command in a child process and collects its output. */
function runDemo(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HARDHAT, "run", "scripts/demo.ts"], {
      env: { ...process.env, FORCE_COLOR: "0" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm run demo", function () {
  let result: Awaited<ReturnType<typeof runDemo>>;
  let lines: string[];

  before(async function () {
    this.timeout(300_000);
    result = await runDemo();
    lines = result.stdout.split("\n").map((line) => line.trim());
  });

  it("exits cleanly", function () {
    expect(result.code, result.stderr).to.equal(0);
  });

  it("splits each 1.00 view of B into 0.60 for B, 0.30 for A and 0.10 for the platform, in ETH and dUSD", function () {
    expect(lines).to.include("B 0.60 ETH, A 0.30 ETH, platform 0.10 ETH");
    expect(lines).to.include("B 0.60 dUSD, A 0.30 dUSD, platform 0.10 dUSD");
  });

  it("climbs two levels for a view of the remix of the remix", function () {
    expect(lines).to.include("C 0.60 ETH, B 0.21 ETH, A 0.09 ETH, platform 0.10 ETH");
  });

  it("registers and pays 10,000 template remixes with progress, then A claims it all", function () {
    // Not a terminal: the bar prints a line at each quarter, then the total.
    expect(lines).to.include("registering [████████░░░░░░░░░░░░░░░░░░░░░░] 2,500/10,000");
    expect(lines.some((line) => /^registering \[█{30}\] 10,000\/10,000 in [\d.]+ s$/.test(line))).to
      .be.true;
    expect(lines.some((line) => /^paying 1\.00 dUSD each \[█{30}\] 10,000\/10,000 in/.test(line)))
      .to.be.true;
    expect(lines).to.include("preview (no gas): A can claim 0.39 ETH and 1,000.30 dUSD");
    const claim = lines.find((line) => line.startsWith("A's claimAll:"));
    expect(claim).to.match(/^A's claimAll: 0\.39 ETH and 1,000\.30 dUSD in \d+ transactions/);
    expect(lines).to.include("of which 1,000.00 dUSD from the template's remixes");
  });

  it("licenses a 100-asset dataset in one bulk transaction", function () {
    const bulk = lines.find((line) => line.startsWith("100 licences"));
    expect(bulk).to.match(
      /^100 licences \(#1…#100\) for 2\.00 ETH \(quoted 2\.00 ETH\); [\d,]+ gas, [\d,]+ per asset; 100 valid until \d{4}-\d\d-\d\d \(365 days\)$/,
    );
  });

  it("draws the lineage and reconciles every token to the contract's balance", function () {
    expect(lines).to.include("├─ #2 localized remix (ES)  pays 30.00%");
    expect(lines).to.include("│  └─ #3 vertical cut  pays 30.00%");
    expect(lines).to.include("└─ … 9,998 more");
    const eth = lines.find((line) => line.startsWith("ETH "))?.split(/\s+/);
    const usd = lines.find((line) => line.startsWith("dUSD "))?.split(/\s+/);
    expect(eth).to.deep.equal(["ETH", "4.00", "0.39", "3.01", "0.20", "0.40", "3.21", "✓"]);
    expect(usd).to.deep.equal([
      "dUSD",
      "10,001.00",
      "1,000.30",
      "8,000.60",
      "0.00",
      "1,000.10",
      "9,000.70",
      "✓",
    ]);
    expect(lines).to.include(
      "Audit passed: every event agrees with the books, every asset's balance matches, nothing is lost.",
    );
  });
});

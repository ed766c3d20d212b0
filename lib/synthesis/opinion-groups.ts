/**
 * Opinion groups from a round's vote matrix (participants × measures), in the manner of Pol.is:
 *
 * 1. keep participants who voted on at least MIN_VOTES_PER_PARTICIPANT measures;
 * 2. fill each missing cell with the measure's mean vote and centre the columns (Pol.is does the same);
 * 3. PCA: covariance matrix (measures × measures), Jacobi eigen-decomposition, top 2 components,
 *    each component's sign fixed so that its largest-|loading| entry is positive;
 * 4. project participants to 2-D, scaled by sqrt(active measures / own votes) as Pol.is does, so that
 *    people who voted little are not all pulled to the centre by the imputed means;
 * 5. k-means (k-means++ seeding from a fixed-seed PRNG, several restarts, Lloyd to convergence) for
 *    k = 2..5, keeping the k with the best mean silhouette. Restarts run on a stride sample of at most
 *    2,000 points and the best is refined on all; silhouette, O(n²), is computed on a stride sample of
 *    at most SILHOUETTE_SAMPLE_SIZE points;
 * 6. describe each group by the measures that distinguish it (Pol.is "representativeness"), its
 *    category make-up, and its agree/disagree/pass rates; flag common ground and division.
 *
 * Pure and deterministic: the same input gives the same output, with no I/O and no clock.
 * Vote values: support = +1, oppose = -1, abstain (Pol.is "pass") = 0.
 */

import { K_ANONYMITY_MIN_VOTERS } from "@/lib/synthesis/k-anonymity";

export const MIN_VOTES_PER_PARTICIPANT = 3;
/** Below these the analysis would show noise: the page says so instead. */
export const MIN_PARTICIPANTS = 20;
export const MIN_MEASURES = 5;
export const MIN_GROUPS = 2;
export const MAX_GROUPS = 5;
/** Silhouette is O(n²): it is computed on at most this many points, picked at even strides. */
export const SILHOUETTE_SAMPLE_SIZE = 2000;
/** A measure is common ground when every group supports it at least this much. */
export const COMMON_GROUND_MIN_AGREE_RATE = 0.6;
/** A measure divides when the groups' (or categories') agree rates differ by more than this. */
export const DIVISION_MIN_AGREE_RATE_SPREAD = 0.3;
/** One-tailed 90% z threshold: the significance Pol.is requires of representative measures. */
export const REPRESENTATIVE_MIN_Z = 1.2816;
/**
 * Also required of representative measures: the group's rate exceeds the others' by at least this
 * (smoothed rates). With thousands of voters a z-test finds even trivial gaps significant, and a
 * measure everybody supports (1.00 vs 0.94) should not describe one group.
 */
export const REPRESENTATIVE_MIN_RATE_DIFFERENCE = 0.15;

const KMEANS_SEED = 0x5eed;
const KMEANS_RESTARTS = 8;
/** Restarts run on at most this many points (even strides); the best start is then refined on all. */
const KMEANS_SAMPLE_SIZE = 2000;
const KMEANS_MAX_ITERATIONS = 300;
const JACOBI_MAX_SWEEPS = 100;

export type VoteValue = -1 | 0 | 1;

export type OpinionGroupsInput = {
  participants: readonly { id: string; category: string }[];
  measureIds: readonly string[];
  /** Indices into participants and measureIds; at most one vote per cell; missing cells = not voted. */
  votes: readonly { participant: number; measure: number; value: VoteValue }[];
};

export type InsufficientReason = "too-few-participants" | "too-few-measures" | "no-variation";

export type VoteShares = {
  agree: number;
  disagree: number;
  pass: number;
  /** agree + disagree + pass */
  voters: number;
  /** Shares of voters (0 when nobody voted). */
  agreeRate: number;
  disagreeRate: number;
  passRate: number;
};

export type DistinguishingMeasure = {
  measure: number;
  measureId: string;
  direction: "agree" | "disagree";
  /** Plain shares of voters, inside the group and among everyone else. */
  groupRate: number;
  othersRate: number;
  /** Add-one smoothed group rate / others' rate (> 1). */
  ratio: number;
  /** Two-proportion z of group vs others (Pol.is pseudocounts). */
  z: number;
  /** Pol.is ranking metric: ratio × z × smoothed rate × one-proportion z. Higher distinguishes more. */
  strength: number;
};

export type OpinionGroup = {
  /** 0-based; groups are ordered by size (largest first), then by their first member. */
  index: number;
  size: number;
  /** Participant indices (into input.participants), ascending. */
  members: number[];
  centroid: { x: number; y: number };
  /** Members per category, most numerous first (ties by name). */
  categories: { category: string; count: number }[];
  /** Strongest first. */
  distinguishingMeasures: DistinguishingMeasure[];
};

export type OpinionGroupsAnalysis = {
  enough: true;
  participantsConsidered: number;
  /** Participants who voted, but on fewer than MIN_VOTES_PER_PARTICIPANT measures. */
  participantsExcluded: number;
  measuresVoted: number;
  /** Share of total variance each of the two components explains. */
  explainedVariance: [number, number];
  chosenK: number;
  silhouetteByK: { k: number; silhouette: number }[];
  silhouetteSampleSize: number;
  groups: OpinionGroup[];
  /** One entry per input measure, byGroup indexed like groups. */
  measures: { measure: number; measureId: string; overall: VoteShares; byGroup: VoteShares[] }[];
  commonGround: { measure: number; measureId: string; lowestAgreeRate: number }[];
  /** Largest spread first. */
  division: { measure: number; measureId: string; agreeRateSpread: number }[];
  /** Every considered participant's 2-D position, for a scatter chart. Ascending participant index. */
  points: { participant: number; group: number; x: number; y: number }[];
};

export type OpinionGroupsResult =
  | {
      enough: false;
      reason: InsufficientReason;
      participantsConsidered: number;
      measuresVoted: number;
    }
  | OpinionGroupsAnalysis;

/** mulberry32: a tiny deterministic PRNG, uniform in [0, 1). */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function computeOpinionGroups(input: OpinionGroupsInput): OpinionGroupsResult {
  const matrix = buildVoteMatrix(input);
  const { kept, measuresVoted } = matrix;
  if (kept.length < MIN_PARTICIPANTS) {
    return { enough: false, reason: "too-few-participants", participantsConsidered: kept.length, measuresVoted };
  }
  if (measuresVoted < MIN_MEASURES) {
    return { enough: false, reason: "too-few-measures", participantsConsidered: kept.length, measuresVoted };
  }
  const projection = projectToPlane(matrix);
  const clustering = projection && chooseClustering(projection.xs, projection.ys);
  if (!projection || !clustering) {
    return { enough: false, reason: "no-variation", participantsConsidered: kept.length, measuresVoted };
  }
  return describeGroups(input, matrix, projection, clustering);
}

type VoteMatrix = {
  participantCount: number;
  measureCount: number;
  /** Row-major participants × measures; meaningful only where voted[cell] = 1. */
  values: Int8Array;
  voted: Uint8Array;
  votesPerParticipant: Int32Array;
  /** Indices of the participants in the analysis, ascending. */
  kept: Int32Array;
  measuresVoted: number;
};

function buildVoteMatrix(input: OpinionGroupsInput): VoteMatrix {
  const participantCount = input.participants.length;
  const measureCount = input.measureIds.length;
  const values = new Int8Array(participantCount * measureCount);
  const voted = new Uint8Array(participantCount * measureCount);
  const votesPerParticipant = new Int32Array(participantCount);
  for (const vote of input.votes) {
    const { participant, measure, value } = vote;
    if (!Number.isInteger(participant) || participant < 0 || participant >= participantCount) {
      throw new RangeError(`Vote participant index out of range: ${participant}`);
    }
    if (!Number.isInteger(measure) || measure < 0 || measure >= measureCount) {
      throw new RangeError(`Vote measure index out of range: ${measure}`);
    }
    if (value !== 1 && value !== 0 && value !== -1) throw new RangeError(`Vote value must be -1, 0 or 1: ${value}`);
    const cell = participant * measureCount + measure;
    // The votes table is unique per (measure, voter): a repeat means the caller merged sources wrongly.
    if (voted[cell]) throw new RangeError(`Two votes for participant ${participant} on measure ${measure}`);
    voted[cell] = 1;
    values[cell] = value;
    votesPerParticipant[participant]! += 1;
  }

  let keptCount = 0;
  for (let i = 0; i < participantCount; i++) if (votesPerParticipant[i]! >= MIN_VOTES_PER_PARTICIPANT) keptCount++;
  const kept = new Int32Array(keptCount);
  const measureHasVotes = new Uint8Array(measureCount);
  for (let i = 0, next = 0; i < participantCount; i++) {
    if (votesPerParticipant[i]! < MIN_VOTES_PER_PARTICIPANT) continue;
    kept[next++] = i;
    for (let j = 0; j < measureCount; j++) if (voted[i * measureCount + j]) measureHasVotes[j] = 1;
  }
  let measuresVoted = 0;
  for (let j = 0; j < measureCount; j++) measuresVoted += measureHasVotes[j]!;
  return { participantCount, measureCount, values, voted, votesPerParticipant, kept, measuresVoted };
}

type Projection = { xs: Float64Array; ys: Float64Array; explainedVariance: [number, number] };

/** Imputes, centres, finds the top two principal components and projects the kept participants. */
function projectToPlane(matrix: VoteMatrix): Projection | null {
  const { measureCount: m, values, voted, kept, votesPerParticipant, measuresVoted } = matrix;
  const n = kept.length;

  const sums = new Float64Array(m);
  const counts = new Int32Array(m);
  for (let r = 0; r < n; r++) {
    const base = kept[r]! * m;
    for (let j = 0; j < m; j++) {
      if (voted[base + j]) {
        sums[j]! += values[base + j]!;
        counts[j]! += 1;
      }
    }
  }
  const means = new Float64Array(m);
  for (let j = 0; j < m; j++) means[j] = counts[j]! > 0 ? sums[j]! / counts[j]! : 0;

  // Imputing the mean then centring leaves 0 in missing cells and (vote − mean) elsewhere.
  const centred = new Float64Array(n * m);
  for (let r = 0; r < n; r++) {
    const base = kept[r]! * m;
    for (let j = 0; j < m; j++) if (voted[base + j]) centred[r * m + j] = values[base + j]! - means[j]!;
  }

  const covariance = new Float64Array(m * m);
  // Rows are sparse (people vote on a fraction of the measures): multiply only their non-zero cells.
  const nonZero = new Int32Array(m);
  for (let r = 0; r < n; r++) {
    const row = r * m;
    let count = 0;
    for (let j = 0; j < m; j++) if (centred[row + j] !== 0) nonZero[count++] = j;
    for (let a = 0; a < count; a++) {
      const j = nonZero[a]!;
      const value = centred[row + j]!;
      for (let b = a; b < count; b++) {
        const l = nonZero[b]!;
        covariance[j * m + l]! += value * centred[row + l]!;
      }
    }
  }
  const denominator = Math.max(n - 1, 1);
  for (let j = 0; j < m; j++) {
    for (let l = j; l < m; l++) {
      const value = covariance[j * m + l]! / denominator;
      covariance[j * m + l] = value;
      covariance[l * m + j] = value;
    }
  }

  let totalVariance = 0;
  for (let j = 0; j < m; j++) totalVariance += covariance[j * m + j]!;
  if (!(totalVariance > 1e-12)) return null;

  const { eigenvalues, eigenvectors } = jacobiEigen(covariance, m);
  const order = Array.from({ length: m }, (_, j) => j).sort((a, b) => eigenvalues[b]! - eigenvalues[a]! || a - b);
  const components = [order[0]!, order[1] ?? order[0]!].map((column) => {
    const vector = new Float64Array(m);
    let largest = 0;
    for (let j = 0; j < m; j++) {
      vector[j] = eigenvectors[j * m + column]!;
      if (Math.abs(vector[j]!) > Math.abs(vector[largest]!) + 1e-12) largest = j;
    }
    if (vector[largest]! < 0) for (let j = 0; j < m; j++) vector[j] = -vector[j]!;
    return vector;
  });
  const first = components[0]!;
  const second = components[1]!;
  const explainedVariance: [number, number] = [
    Math.max(eigenvalues[order[0]!]!, 0) / totalVariance,
    m > 1 ? Math.max(eigenvalues[order[1]!]!, 0) / totalVariance : 0,
  ];

  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    let x = 0;
    let y = 0;
    for (let j = 0; j < m; j++) {
      const value = centred[r * m + j]!;
      x += value * first[j]!;
      y += value * second[j]!;
    }
    const scale = Math.sqrt(measuresVoted / votesPerParticipant[kept[r]!]!);
    xs[r] = x * scale;
    ys[r] = y * scale;
  }
  return { xs, ys, explainedVariance };
}

/**
 * Cyclic Jacobi eigen-decomposition of a symmetric matrix: deterministic and exact enough for the
 * few dozen measures of a plan. Returns eigenvalues and eigenvectors as columns (row-major).
 */
function jacobiEigen(symmetric: Float64Array, size: number): { eigenvalues: Float64Array; eigenvectors: Float64Array } {
  const a = Float64Array.from(symmetric);
  const v = new Float64Array(size * size);
  for (let i = 0; i < size; i++) v[i * size + i] = 1;
  let norm = 0;
  for (let i = 0; i < size * size; i++) norm += a[i]! * a[i]!;

  for (let sweep = 0; sweep < JACOBI_MAX_SWEEPS; sweep++) {
    let offDiagonal = 0;
    for (let p = 0; p < size; p++) for (let q = p + 1; q < size; q++) offDiagonal += a[p * size + q]! * a[p * size + q]!;
    if (offDiagonal <= norm * 1e-30) break;
    for (let p = 0; p < size; p++) {
      for (let q = p + 1; q < size; q++) {
        const apq = a[p * size + q]!;
        if (apq === 0) continue;
        const theta = (a[q * size + q]! - a[p * size + p]!) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < size; k++) {
          const akp = a[k * size + p]!;
          const akq = a[k * size + q]!;
          a[k * size + p] = c * akp - s * akq;
          a[k * size + q] = s * akp + c * akq;
        }
        for (let k = 0; k < size; k++) {
          const apk = a[p * size + k]!;
          const aqk = a[q * size + k]!;
          a[p * size + k] = c * apk - s * aqk;
          a[q * size + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < size; k++) {
          const vkp = v[k * size + p]!;
          const vkq = v[k * size + q]!;
          v[k * size + p] = c * vkp - s * vkq;
          v[k * size + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const eigenvalues = new Float64Array(size);
  for (let i = 0; i < size; i++) eigenvalues[i] = a[i * size + i]!;
  return { eigenvalues, eigenvectors: v };
}

type Clustering = {
  k: number;
  assignment: Int32Array;
  centroidsX: Float64Array;
  centroidsY: Float64Array;
  silhouetteByK: { k: number; silhouette: number }[];
  silhouetteSampleSize: number;
};

/** k-means for every k in MIN_GROUPS..MAX_GROUPS; the best mean silhouette wins (ties: smaller k). */
function chooseClustering(xs: Float64Array, ys: Float64Array): Clustering | null {
  const sample = strideSample(xs.length, SILHOUETTE_SAMPLE_SIZE);
  const distances = sampleDistances(xs, ys, sample);
  const silhouetteByK: { k: number; silhouette: number }[] = [];
  let best: { k: number; result: KMeansResult; silhouette: number } | null = null;
  for (let k = MIN_GROUPS; k <= Math.min(MAX_GROUPS, xs.length); k++) {
    const result = bestKMeans(xs, ys, k);
    if (!result) continue; // fewer distinct positions than k
    const silhouette = meanSilhouette(distances, result.assignment, k, sample);
    silhouetteByK.push({ k, silhouette });
    if (!best || silhouette > best.silhouette) best = { k, result, silhouette };
  }
  if (!best) return null;
  return {
    k: best.k,
    assignment: best.result.assignment,
    centroidsX: best.result.centroidsX,
    centroidsY: best.result.centroidsY,
    silhouetteByK,
    silhouetteSampleSize: sample.length,
  };
}

type KMeansResult = { assignment: Int32Array; centroidsX: Float64Array; centroidsY: Float64Array; inertia: number };

/**
 * Restarts on a stride sample keep 20,000 participants fast (each Lloyd pass over everybody costs
 * about a millisecond); the best sample clustering then seeds Lloyd on every point.
 */
function bestKMeans(xs: Float64Array, ys: Float64Array, k: number): KMeansResult | null {
  const sample = strideSample(xs.length, KMEANS_SAMPLE_SIZE);
  const sampleXs = Float64Array.from(sample, (i) => xs[i]!);
  const sampleYs = Float64Array.from(sample, (i) => ys[i]!);
  // A seed per k keeps each k's result independent of which other k were tried.
  const random = createSeededRandom(KMEANS_SEED + k);
  let best: KMeansResult | null = null;
  for (let restart = 0; restart < KMEANS_RESTARTS; restart++) {
    const seeds = kMeansPlusPlusSeeds(sampleXs, sampleYs, k, random);
    const result = seeds && lloyd(sampleXs, sampleYs, k, seeds.centroidsX, seeds.centroidsY);
    if (!result) continue;
    if (!best || result.inertia < best.inertia) best = result;
  }
  if (!best || sample.length === xs.length) return best;
  return lloyd(xs, ys, k, best.centroidsX, best.centroidsY);
}

/** k-means++ seeding: each next centre drawn with probability ∝ squared distance to the nearest one. */
function kMeansPlusPlusSeeds(
  xs: Float64Array,
  ys: Float64Array,
  k: number,
  random: () => number,
): { centroidsX: Float64Array; centroidsY: Float64Array } | null {
  const n = xs.length;
  const centroidsX = new Float64Array(k);
  const centroidsY = new Float64Array(k);
  const nearest = new Float64Array(n);
  const first = Math.min(Math.floor(random() * n), n - 1);
  centroidsX[0] = xs[first]!;
  centroidsY[0] = ys[first]!;
  for (let i = 0; i < n; i++) nearest[i] = squaredDistance(xs[i]!, ys[i]!, xs[first]!, ys[first]!);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < n; i++) total += nearest[i]!;
    if (!(total > 0)) return null;
    const target = random() * total;
    let chosen = -1;
    let cumulative = 0;
    for (let i = 0; i < n; i++) {
      if (nearest[i]! <= 0) continue;
      cumulative += nearest[i]!;
      chosen = i;
      if (cumulative > target) break;
    }
    centroidsX[c] = xs[chosen]!;
    centroidsY[c] = ys[chosen]!;
    for (let i = 0; i < n; i++) {
      const d = squaredDistance(xs[i]!, ys[i]!, centroidsX[c]!, centroidsY[c]!);
      if (d < nearest[i]!) nearest[i] = d;
    }
  }
  return { centroidsX, centroidsY };
}

/** Lloyd iterations from the given centres until no point changes cluster. Null if a cluster stays empty. */
function lloyd(
  xs: Float64Array,
  ys: Float64Array,
  k: number,
  initialX: Float64Array,
  initialY: Float64Array,
): KMeansResult | null {
  const n = xs.length;
  const centroidsX = Float64Array.from(initialX);
  const centroidsY = Float64Array.from(initialY);
  const assignment = new Int32Array(n).fill(-1);
  const sumX = new Float64Array(k);
  const sumY = new Float64Array(k);
  const sizes = new Int32Array(k);
  for (let iteration = 0; iteration < KMEANS_MAX_ITERATIONS; iteration++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const cluster = nearestCentroid(xs[i]!, ys[i]!, centroidsX, centroidsY, k);
      if (assignment[i] !== cluster) {
        assignment[i] = cluster;
        changed++;
      }
    }
    if (changed === 0) break;
    sumX.fill(0);
    sumY.fill(0);
    sizes.fill(0);
    for (let i = 0; i < n; i++) {
      const cluster = assignment[i]!;
      sumX[cluster]! += xs[i]!;
      sumY[cluster]! += ys[i]!;
      sizes[cluster]! += 1;
    }
    for (let c = 0; c < k; c++) {
      if (sizes[c]! > 0) {
        centroidsX[c] = sumX[c]! / sizes[c]!;
        centroidsY[c] = sumY[c]! / sizes[c]!;
        continue;
      }
      // An emptied cluster restarts at the point farthest from its own centre.
      let farthest = -1;
      let farthestDistance = 0;
      for (let i = 0; i < n; i++) {
        const cluster = assignment[i]!;
        if (cluster < 0) continue; // already moved to restart another emptied cluster
        const d = squaredDistance(xs[i]!, ys[i]!, centroidsX[cluster]!, centroidsY[cluster]!);
        if (d > farthestDistance) {
          farthestDistance = d;
          farthest = i;
        }
      }
      if (farthest < 0) return null;
      centroidsX[c] = xs[farthest]!;
      centroidsY[c] = ys[farthest]!;
      assignment[farthest] = -1; // force a reassignment pass
    }
  }

  let inertia = 0;
  sizes.fill(0);
  for (let i = 0; i < n; i++) {
    if (assignment[i]! < 0) assignment[i] = nearestCentroid(xs[i]!, ys[i]!, centroidsX, centroidsY, k);
    const cluster = assignment[i]!;
    sizes[cluster]! += 1;
    inertia += squaredDistance(xs[i]!, ys[i]!, centroidsX[cluster]!, centroidsY[cluster]!);
  }
  // Only when the points have fewer distinct positions than k can a cluster stay empty.
  if (sizes.includes(0)) return null;
  return { assignment, centroidsX, centroidsY, inertia };
}

function nearestCentroid(x: number, y: number, centroidsX: Float64Array, centroidsY: Float64Array, k: number): number {
  let best = 0;
  let bestDistance = Infinity;
  for (let c = 0; c < k; c++) {
    const d = squaredDistance(x, y, centroidsX[c]!, centroidsY[c]!);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best;
}

function squaredDistance(x1: number, y1: number, x2: number, y2: number): number {
  const dx = x1 - x2;
  const dy = y1 - y2;
  return dx * dx + dy * dy;
}

/** At most maxSize indices at even strides: deterministic and spread over the input order. */
function strideSample(n: number, maxSize: number): Int32Array {
  const size = Math.min(n, maxSize);
  const sample = new Int32Array(size);
  for (let s = 0; s < size; s++) sample[s] = Math.floor((s * n) / size);
  return sample;
}

/** Pairwise distances between the sampled points (packed upper triangle), shared by every k tried. */
function sampleDistances(xs: Float64Array, ys: Float64Array, sample: Int32Array): Float64Array {
  const size = sample.length;
  const distances = new Float64Array((size * (size - 1)) / 2);
  let next = 0;
  for (let s = 0; s < size; s++) {
    const x = xs[sample[s]!]!;
    const y = ys[sample[s]!]!;
    for (let t = s + 1; t < size; t++) distances[next++] = Math.sqrt(squaredDistance(x, y, xs[sample[t]!]!, ys[sample[t]!]!));
  }
  return distances;
}

/** Mean silhouette over the sample, distances measured within the sample (as sklearn's sample_size). */
function meanSilhouette(distances: Float64Array, assignment: Int32Array, k: number, sample: Int32Array): number {
  const size = sample.length;
  const labels = Int32Array.from(sample, (i) => assignment[i]!);
  const distanceSums = new Float64Array(size * k);
  const clusterSizes = new Int32Array(k);
  for (let s = 0; s < size; s++) clusterSizes[labels[s]!]! += 1;
  let next = 0;
  for (let s = 0; s < size; s++) {
    const labelS = labels[s]!;
    let ownSums = 0;
    for (let t = s + 1; t < size; t++) {
      const d = distances[next++]!;
      const labelT = labels[t]!;
      distanceSums[t * k + labelS]! += d;
      if (labelT === labelS) ownSums += d;
      else distanceSums[s * k + labelT]! += d;
    }
    distanceSums[s * k + labelS]! += ownSums;
  }
  let total = 0;
  for (let s = 0; s < size; s++) {
    const own = labels[s]!;
    // A point alone in its cluster scores 0 (the usual convention).
    if (clusterSizes[own]! < 2) continue;
    const within = distanceSums[s * k + own]! / (clusterSizes[own]! - 1);
    let between = Infinity;
    for (let c = 0; c < k; c++) {
      if (c === own || clusterSizes[c]! === 0) continue;
      between = Math.min(between, distanceSums[s * k + c]! / clusterSizes[c]!);
    }
    if (between === Infinity) continue;
    const scale = Math.max(within, between);
    if (scale > 0) total += (between - within) / scale;
  }
  return total / size;
}

function describeGroups(
  input: OpinionGroupsInput,
  matrix: VoteMatrix,
  projection: Projection,
  clustering: Clustering,
): OpinionGroupsAnalysis {
  const { measureCount: m, values, voted, kept } = matrix;
  const { k, assignment } = clustering;
  const n = kept.length;

  // Stable group order: largest first, then the one whose first member comes first.
  const sizes = new Int32Array(k);
  const firstMember = new Int32Array(k).fill(n);
  for (let r = 0; r < n; r++) {
    const cluster = assignment[r]!;
    sizes[cluster]! += 1;
    if (r < firstMember[cluster]!) firstMember[cluster] = r;
  }
  const order = Array.from({ length: k }, (_, c) => c).sort((a, b) => sizes[b]! - sizes[a]! || firstMember[a]! - firstMember[b]!);
  const groupOfCluster = new Int32Array(k);
  for (let group = 0; group < k; group++) groupOfCluster[order[group]!] = group;

  // Counts per group × measure: agree, disagree, pass (from actual votes, never imputed ones).
  const agree = new Int32Array(k * m);
  const disagree = new Int32Array(k * m);
  const pass = new Int32Array(k * m);
  const members: number[][] = Array.from({ length: k }, () => []);
  const points: OpinionGroupsAnalysis["points"] = [];
  for (let r = 0; r < n; r++) {
    const participant = kept[r]!;
    const group = groupOfCluster[assignment[r]!]!;
    members[group]!.push(participant);
    points.push({ participant, group, x: projection.xs[r]!, y: projection.ys[r]! });
    const base = participant * m;
    for (let j = 0; j < m; j++) {
      if (!voted[base + j]) continue;
      const value = values[base + j]!;
      const cell = group * m + j;
      if (value === 1) agree[cell]! += 1;
      else if (value === -1) disagree[cell]! += 1;
      else pass[cell]! += 1;
    }
  }

  const totalAgree = new Int32Array(m);
  const totalDisagree = new Int32Array(m);
  const totalPass = new Int32Array(m);
  for (let g = 0; g < k; g++) {
    for (let j = 0; j < m; j++) {
      totalAgree[j]! += agree[g * m + j]!;
      totalDisagree[j]! += disagree[g * m + j]!;
      totalPass[j]! += pass[g * m + j]!;
    }
  }

  const measures = input.measureIds.map((measureId, j) => ({
    measure: j,
    measureId,
    overall: voteShares(totalAgree[j]!, totalDisagree[j]!, totalPass[j]!),
    byGroup: Array.from({ length: k }, (_, g) => voteShares(agree[g * m + j]!, disagree[g * m + j]!, pass[g * m + j]!)),
  }));

  const groups: OpinionGroup[] = order.map((cluster, g) => {
    const categoryCounts = new Map<string, number>();
    for (const participant of members[g]!) {
      const category = input.participants[participant]!.category;
      categoryCounts.set(category, (categoryCounts.get(category) ?? 0) + 1);
    }
    const distinguishingMeasures: DistinguishingMeasure[] = [];
    for (let j = 0; j < m; j++) {
      const shares = measures[j]!.byGroup[g]!;
      const others = voteShares(
        totalAgree[j]! - shares.agree,
        totalDisagree[j]! - shares.disagree,
        totalPass[j]! - shares.pass,
      );
      const candidate = bestRepresentative(j, input.measureIds[j]!, shares, others);
      if (candidate) distinguishingMeasures.push(candidate);
    }
    distinguishingMeasures.sort((a, b) => b.strength - a.strength || a.measure - b.measure);
    return {
      index: g,
      size: sizes[cluster]!,
      members: members[g]!,
      centroid: { x: clustering.centroidsX[cluster]!, y: clustering.centroidsY[cluster]! },
      categories: [...categoryCounts]
        .map(([category, count]) => ({ category, count }))
        .sort((a, b) => b.count - a.count || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0)),
      distinguishingMeasures,
    };
  });

  const commonGround: OpinionGroupsAnalysis["commonGround"] = [];
  const division: OpinionGroupsAnalysis["division"] = [];
  for (const { measure, measureId, byGroup } of measures) {
    // A group that did not vote on the measure can neither support it nor be divided on it.
    if (byGroup.some((shares) => shares.voters === 0)) continue;
    const rates = byGroup.map((shares) => shares.agreeRate);
    const lowest = Math.min(...rates);
    const spread = Math.max(...rates) - lowest;
    if (lowest >= COMMON_GROUND_MIN_AGREE_RATE) commonGround.push({ measure, measureId, lowestAgreeRate: lowest });
    if (spread > DIVISION_MIN_AGREE_RATE_SPREAD) division.push({ measure, measureId, agreeRateSpread: spread });
  }
  commonGround.sort((a, b) => b.lowestAgreeRate - a.lowestAgreeRate || a.measure - b.measure);
  division.sort((a, b) => b.agreeRateSpread - a.agreeRateSpread || a.measure - b.measure);

  return {
    enough: true,
    participantsConsidered: n,
    participantsExcluded: countExcluded(matrix),
    measuresVoted: matrix.measuresVoted,
    explainedVariance: projection.explainedVariance,
    chosenK: k,
    silhouetteByK: clustering.silhouetteByK,
    silhouetteSampleSize: clustering.silhouetteSampleSize,
    groups,
    measures,
    commonGround,
    division,
    points,
  };
}

function countExcluded(matrix: VoteMatrix): number {
  let excluded = 0;
  for (let i = 0; i < matrix.participantCount; i++) {
    const votes = matrix.votesPerParticipant[i]!;
    if (votes > 0 && votes < MIN_VOTES_PER_PARTICIPANT) excluded++;
  }
  return excluded;
}

function voteShares(agree: number, disagree: number, pass: number): VoteShares {
  const voters = agree + disagree + pass;
  return {
    agree,
    disagree,
    pass,
    voters,
    agreeRate: voters > 0 ? agree / voters : 0,
    disagreeRate: voters > 0 ? disagree / voters : 0,
    passRate: voters > 0 ? pass / voters : 0,
  };
}

/**
 * Pol.is representativeness: a measure distinguishes a group in a direction when the group's
 * add-one smoothed rate beats the others' (ratio > 1), significantly so (two-proportion z), and the
 * group itself leans that way significantly (one-proportion z against 1/2), and the gap is large enough
 * to matter (REPRESENTATIVE_MIN_RATE_DIFFERENCE). The stronger direction wins.
 */
function bestRepresentative(
  measure: number,
  measureId: string,
  group: VoteShares,
  others: VoteShares,
): DistinguishingMeasure | null {
  let best: DistinguishingMeasure | null = null;
  for (const direction of ["agree", "disagree"] as const) {
    const inGroup = direction === "agree" ? group.agree : group.disagree;
    const outside = direction === "agree" ? others.agree : others.disagree;
    const smoothedGroupRate = (inGroup + 1) / (group.voters + 2);
    const smoothedOthersRate = (outside + 1) / (others.voters + 2);
    const ratio = smoothedGroupRate / smoothedOthersRate;
    const z = twoProportionZ(inGroup, outside, group.voters, others.voters);
    const leaning = proportionZ(inGroup, group.voters);
    const meaningful = smoothedGroupRate - smoothedOthersRate >= REPRESENTATIVE_MIN_RATE_DIFFERENCE;
    if (!(ratio > 1 && meaningful && z >= REPRESENTATIVE_MIN_Z && leaning >= REPRESENTATIVE_MIN_Z)) continue;
    const strength = ratio * z * smoothedGroupRate * leaning;
    if (best && best.strength >= strength) continue;
    best = {
      measure,
      measureId,
      direction,
      groupRate: direction === "agree" ? group.agreeRate : group.disagreeRate,
      othersRate: direction === "agree" ? others.agreeRate : others.disagreeRate,
      ratio,
      z,
      strength,
    };
  }
  return best;
}

/** Pol.is prop-test: z of a proportion against 1/2, with one pseudocount. */
function proportionZ(successes: number, trials: number): number {
  const n = trials + 1;
  return 2 * Math.sqrt(n) * ((successes + 1) / n - 0.5);
}

/** Pol.is two-prop-test, with one pseudocount on every count. */
function twoProportionZ(successesIn: number, successesOut: number, trialsIn: number, trialsOut: number): number {
  const s1 = successesIn + 1;
  const s2 = successesOut + 1;
  const n1 = trialsIn + 1;
  const n2 = trialsOut + 1;
  const pooled = (s1 + s2) / (n1 + n2);
  if (pooled >= 1) return 0;
  return (s1 / n1 - s2 / n2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
}

export type CategoryVotes = { category: string; support: number; oppose: number; abstain: number };

export type CategoryStance = "consensus-support" | "consensus-oppose" | "divided" | "mixed" | "insufficient";

export type CategoryConsensus = {
  measureId: string;
  stance: CategoryStance;
  /** Categories that counted (at least minVoters voters), in input order. */
  categoriesConsidered: string[];
  /** Support share (supporters / voters) per considered category. */
  supportRates: { category: string; supportRate: number; opposeRate: number }[];
  /** Highest minus lowest support rate among considered categories (0 with fewer than two). */
  supportRateSpread: number;
};

/**
 * Consensus and division between stakeholder CATEGORIES (not opinion groups), per measure.
 *
 * Feed it the k-anonymised rows (see k-anonymity.ts); rows with fewer than minVoters voters are ignored.
 * With at least two categories left, a measure is
 *   - "consensus-support" when every category's support rate is ≥ COMMON_GROUND_MIN_AGREE_RATE,
 *   - "consensus-oppose" when every category's oppose rate is ≥ that same threshold,
 *   - "divided" when support rates spread by more than DIVISION_MIN_AGREE_RATE_SPREAD,
 *   - "mixed" otherwise (no clear agreement, no clear split);
 * with fewer than two categories it is "insufficient". Rates are shares of all voters, abstentions included.
 */
export function categoryConsensus(
  measures: readonly { measureId: string; categories: readonly CategoryVotes[] }[],
  minVoters = K_ANONYMITY_MIN_VOTERS,
): CategoryConsensus[] {
  return measures.map(({ measureId, categories }) => {
    const supportRates = categories
      .filter((row) => row.support + row.oppose + row.abstain >= minVoters)
      .map((row) => {
        const voters = row.support + row.oppose + row.abstain;
        return { category: row.category, supportRate: row.support / voters, opposeRate: row.oppose / voters };
      });
    const rates = supportRates.map((row) => row.supportRate);
    const supportRateSpread = rates.length >= 2 ? Math.max(...rates) - Math.min(...rates) : 0;
    let stance: CategoryStance;
    if (supportRates.length < 2) stance = "insufficient";
    else if (supportRates.every((row) => row.supportRate >= COMMON_GROUND_MIN_AGREE_RATE)) stance = "consensus-support";
    else if (supportRates.every((row) => row.opposeRate >= COMMON_GROUND_MIN_AGREE_RATE)) stance = "consensus-oppose";
    else if (supportRateSpread > DIVISION_MIN_AGREE_RATE_SPREAD) stance = "divided";
    else stance = "mixed";
    return {
      measureId,
      stance,
      categoriesConsidered: supportRates.map((row) => row.category),
      supportRates,
      supportRateSpread,
    };
  });
}

import { z } from 'zod';

/**
 * The peer comparison's comparator areas (a Most Similar Group), chosen by the analyst from
 * the areas of multi-area datasets in the workspace (brief.md, workflow 4).
 */

export const PeersInput = z.strictObject({
  areas: z.array(z.string().trim().min(1, 'An area name cannot be blank.').max(200)).max(50, 'Choose 50 peers or fewer.'),
  /** Shown with the peers, e.g. "Illustrative: not HMICFRS's published group". */
  note: z.string().trim().max(500).nullable().optional(),
});
export type PeersInput = z.infer<typeof PeersInput>;

export interface PeerArea {
  area: string;
  /** The datasets that keep the area's figures, by file name. */
  datasets: string;
}

export interface PeerSelection {
  /** The chosen peers, in the analyst's order. */
  areas: string[];
  note: string | null;
  /** Every area a peer can be chosen from. */
  candidates: PeerArea[];
}

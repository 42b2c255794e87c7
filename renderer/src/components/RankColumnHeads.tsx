/** The first three column headers of every ranking table: rank, offence type and score. */
export function RankColumnHeads() {
  return (
    <>
      <th scope="col" className="numeric">
        Rank
      </th>
      <th scope="col">Offence type</th>
      <th scope="col" className="numeric">
        Score
      </th>
    </>
  );
}

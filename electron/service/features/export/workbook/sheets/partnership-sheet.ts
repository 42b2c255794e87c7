import { formats, notAvailable } from '../sheet-layout';
import { simpleSheet, yesNo, type WorkbookContext } from '../workbook-context';

/** The Partnership sheet: the members, statutory members marked. */

export function writePartnership(context: WorkbookContext): void {
  const { model } = context;
  simpleSheet(
    context,
    'Partnership',
    `Partnership: ${model.partnership.name}`,
    [`Area: ${model.partnership.area ?? notAvailable}. Statutory members are the responsible authorities under the Crime and Disorder Act 1998.`],
    'Partnership_members',
    [
      { header: 'Order', width: 7, numFmt: formats.count },
      { header: 'Member', width: 48, wrap: true },
      { header: 'Statutory member', width: 11 },
      { header: 'Contact', width: 44, wrap: true },
    ],
    model.members.map((member, index) => [index + 1, member.name, yesNo(member.statutory), member.contact ?? notAvailable]),
  );
}

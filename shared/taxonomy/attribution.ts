/**
 * The attribution the Open Government Licence v3.0 asks for wherever the app shows or ships
 * public sector information: the ONS and Home Office reference data in resources/reference/,
 * and any export built from them.
 */
export const openGovernmentLicenceAttribution =
  'Contains public sector information licensed under the Open Government Licence v3.0.';

/** The authority running this installation, shown in header and footer. */
export function organisationName(): string {
  return process.env.CONSULTA_ORGANISATION?.trim() || "Provincia di Pisa";
}

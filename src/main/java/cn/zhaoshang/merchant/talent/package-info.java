/**
 * The talent directory (人才库) of policy clause VI: high-level talents from or linked to Puyang, their fields,
 * institutions and contacts, and the enterprises and projects they are linked to. Exposed as the named interface
 * {@code talent} so that the project module can implement {@link cn.zhaoshang.merchant.talent.TalentProjects}.
 */
@org.springframework.modulith.NamedInterface("talent")
package cn.zhaoshang.merchant.talent;

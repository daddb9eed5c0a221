/**
 * Generated official documents (公文): one model ({@link cn.zhaoshang.platform.document.OfficialDocument}) written as
 * .docx (Apache POI) or .pdf (OpenPDF with a CJK font), for any module. See docs/architecture.md, "Kits: documents".
 */
@org.springframework.modulith.NamedInterface("document")
package cn.zhaoshang.platform.document;

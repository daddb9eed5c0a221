/**
 * The merchant (investor) resource database of policy clause XIII. For now the investors that projects name,
 * matched by unified social credit code or by name; issue 4 grows it into the full database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Merchants")
package cn.zhaoshang.merchant;

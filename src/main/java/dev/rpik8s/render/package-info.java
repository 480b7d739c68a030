/**
 * The templates flows render their commands and files from ({@code src/main/resources/templates}, shadowed file by
 * file by {@code DIR/templates} under {@code --wizards DIR}), through {@link dev.rpik8s.render.Templates}.
 *
 * <p>Rules for a template author:
 * <ul>
 * <li>Every value in a shell script ({@code .sh}) is written {@code {{ value | sh }}}, outside any quotes, comment
 * or here-document: it becomes one single-quoted word whatever it holds. Where the value is needed inside quotes,
 * assign it first ({@code name={{ hostname | sh }}}) and use {@code "$name"}. The rule is checked when a template
 * compiles, so a template breaking it never renders, bundled or not. A list is looped over, one {@code | sh} per
 * element.</li>
 * <li>A value the template asks for and is not given is an error naming the template, line and value; use
 * {@code {% if x is defined %}} for what is optional.</li>
 * <li>Nothing is escaped and newlines stay as written: trim one with {@code -%}} where meant.</li>
 * <li>Pebble reads {@code {#} as the start of a comment, so shell's {@code ${#array[@]}} cannot be written as is:
 * write it another way ({@code [[ -z "${array[*]}" ]]}) or inside {@code {% verbatim %}}.</li>
 * <li>A new {@code .sh} template needs sample values in {@code src/test/resources/template-samples/NAME.yaml}: the
 * build renders it with them and runs shellcheck over the result.</li>
 * </ul>
 */
package dev.rpik8s.render;

/**
 * A small command-line tool for operators and tests: generate a key pair, seal and open a
 * file, make a reporter token. Run it with
 * {@code java -jar crypto/target/crypto-*.jar <command>}; see {@code crypto/README.md}.
 */
package nl.meldpunt.crypto.cli;

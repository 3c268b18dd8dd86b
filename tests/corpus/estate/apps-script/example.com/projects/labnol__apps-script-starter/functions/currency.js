/**
 * Converts US dollars to Indian Rupee.
 *
 * @param {number} dollars The total number of dollars.
 * @return {number} indianRupee The converted total of Indian Rupeet.
 * @customfunction
 */
function USDTOINR(dollars) {
  var indianRupee = dollars * 86;
  return indianRupee;
}

/** Function file of the ribbon: the only button opens the task pane, so nothing is registered here. */
if (typeof Office !== 'undefined') void Office.onReady();

import type { Preview } from '@storybook/web-components-vite';
import { withActions } from 'storybook/actions/decorator';
// Defines <campaign-wizard>, its step elements and <campaign-inbound-returns>.
import '../src/index.js';

const preview: Preview = {
  decorators: [withActions],
  parameters: {
    layout: 'padded',
    // Every event the wizard fires shows in the Actions panel.
    actions: {
      handles: ['campaign-create', 'campaign-save', 'campaign-step-change', 'campaign-draft-change', 'campaign-cancel'],
    },
    controls: { expanded: true },
  },
};

export default preview;
